package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import com.settledesk.identity.CurrentUser;

/** Issues short-lived HS256 bearer tokens carrying the user id, role and merchant. */
@Service
public class TokenService {

	static final String ISSUER = "settledesk";
	static final String CLAIM_USER_ID = "uid";
	static final String CLAIM_ROLE = "role";
	static final String CLAIM_MERCHANT = "mid";
	static final String CLAIM_NAME = "name";

	private final JwtEncoder encoder;
	private final Clock clock;
	private final Duration ttl;

	TokenService(JwtEncoder encoder, Clock clock, SecurityProperties properties) {
		this.encoder = encoder;
		this.clock = clock;
		this.ttl = properties.tokenTtl();
	}

	public IssuedToken issue(CurrentUser user) {
		Instant now = clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
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

	public record IssuedToken(String value, long expiresInSeconds) {
	}
}
