package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import com.settledesk.identity.Role;
import com.settledesk.shared.Timestamps;

/**
 * A signed token is honoured only while its user may still sign in: it must carry an expiry and well-formed
 * claims, must not have been revoked (logout), and its user must be enabled, not locked, and must not have
 * changed password since it was issued. Checked on every request — against what {@link TokenStates} remembers for a
 * moment — so a lock or a new password takes effect at once (within that moment when made outside this instance)
 * rather than when the token runs out.
 */
class TokenStateValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2TokenValidatorResult INVALID = OAuth2TokenValidatorResult
		.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token is no longer valid", null));

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TokenStates states;

	TokenStateValidator(JdbcClient jdbc, Clock clock, TokenStates states) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.states = states;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Optional<Claims> claims = Claims.of(jwt);
		if (claims.isEmpty()) {
			return INVALID;
		}
		if (states.knownValid(claims.get().tokenId())) {
			return OAuth2TokenValidatorResult.success();
		}
		Instant now = clock.instant();
		boolean valid = jdbc.sql("""
				SELECT u.enabled, u.password_changed_at, t.locked_until,
				    (SELECT COUNT(*) FROM revoked_token r WHERE r.jti = :jti) AS revoked
				FROM user_account u LEFT JOIN login_throttle t ON t.username = u.username
				WHERE u.id = :user AND u.username = :username AND u.role = :role""")
			.param("jti", claims.get().tokenId()).param("user", claims.get().userId())
			.param("username", jwt.getSubject()).param("role", claims.get().role().name())
			.query((rs, row) -> {
				Instant changed = Timestamps.fromDb(rs.getObject("password_changed_at", OffsetDateTime.class));
				Instant lockedUntil = Timestamps.fromDb(rs.getObject("locked_until", OffsetDateTime.class));
				return rs.getBoolean("enabled") && rs.getLong("revoked") == 0
						&& (lockedUntil == null || !now.isBefore(lockedUntil))
						&& !changed.truncatedTo(ChronoUnit.SECONDS).isAfter(jwt.getIssuedAt());
			})
			.optional()
			.orElse(false);
		if (!valid) {
			return INVALID;
		}
		states.foundValid(claims.get().tokenId());
		return OAuth2TokenValidatorResult.success();
	}

	/** The claims SettleDesk puts in its tokens, or nothing when any is missing or malformed. */
	record Claims(UUID userId, Role role, String tokenId) {

		static Optional<Claims> of(Jwt jwt) {
			try {
				if (jwt.getExpiresAt() == null || jwt.getIssuedAt() == null || jwt.getSubject() == null
						|| jwt.getId() == null || jwt.getId().length() > 64) {
					return Optional.empty();
				}
				String merchant = jwt.getClaimAsString(TokenService.CLAIM_MERCHANT);
				if (merchant != null) {
					UUID.fromString(merchant);
				}
				Role role = Role.valueOf(jwt.getClaimAsString(TokenService.CLAIM_ROLE));
				if (role.isMerchantRole() != (merchant != null)) {
					return Optional.empty();
				}
				return Optional.of(new Claims(UUID.fromString(jwt.getClaimAsString(TokenService.CLAIM_USER_ID)), role,
						jwt.getId()));
			}
			catch (RuntimeException malformed) {
				return Optional.empty();
			}
		}
	}
}
