package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.Timestamps;

/** Issues short-lived HS256 bearer tokens carrying the user id, role and merchant. */
@Service
public class TokenService {

	static final String ISSUER = "settledesk";
	static final String CLAIM_USER_ID = "uid";
	static final String CLAIM_ROLE = "role";
	static final String CLAIM_MERCHANT = "mid";
	static final String CLAIM_NAME = "name";

	private final JwtEncoder encoder;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration ttl;
	private final TokenStates states;

	TokenService(JwtEncoder encoder, JdbcClient jdbc, Clock clock, SecurityProperties properties, TokenStates states) {
		this.encoder = encoder;
		this.states = states;
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = properties.tokenTtl();
	}

	public IssuedToken issue(CurrentUser user) {
		Instant now = clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.id(UUID.randomUUID().toString())
			.subject(user.username())
			.issuedAt(now)
			.expiresAt(now.plus(ttl))
			.claim(CLAIM_USER_ID, user.userId().toString())
			.claim(CLAIM_NAME, user.displayName())
			.claim(CLAIM_ROLE, user.role().name());
		if (user.merchantId() != null) {
			claims.claim(CLAIM_MERCHANT, user.merchantId().toString());
		}
		String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
		return new IssuedToken(token, ttl.toSeconds());
	}

	/** Logout: the token stops working at once (see {@link TokenStateValidator}); asking twice changes nothing. */
	@Transactional
	public void revoke(Jwt token) {
		jdbc.sql("INSERT INTO revoked_token (jti, expires_at) VALUES (:jti, :expires) ON CONFLICT DO NOTHING")
			.param("jti", token.getId())
			.param("expires", Timestamps.toDb(token.getExpiresAt()))
			.update();
		states.changed();
	}

	/** A revoked token past its expiry is refused anyway: its row is no longer needed. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	void forgetExpiredRevocations() {
		jdbc.sql("DELETE FROM revoked_token WHERE expires_at < :cutoff")
			.param("cutoff", Timestamps.toDb(clock.instant().minus(Duration.ofMinutes(5))))
			.update();
	}

	public record IssuedToken(String value, long expiresInSeconds) {
	}
}
