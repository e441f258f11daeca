package com.settledesk.identity.internal;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.shared.Timestamps;

@Repository
class LoginThrottleRepository {

	private final JdbcClient jdbc;
	private final TokenStates tokenStates;

	LoginThrottleRepository(JdbcClient jdbc, TokenStates tokenStates) {
		this.jdbc = jdbc;
		this.tokenStates = tokenStates;
	}

	/** Loads the throttle of a username under a row lock (creating it first), so parallel tries count once each. */
	LoginThrottle lock(String username) {
		jdbc.sql("INSERT INTO login_throttle (username, failures) VALUES (:username, 0) ON CONFLICT DO NOTHING")
			.param("username", username)
			.update();
		return jdbc.sql("SELECT * FROM login_throttle WHERE username = :username FOR UPDATE")
			.param("username", username)
			.query((rs, row) -> new LoginThrottle(rs.getString("username"), rs.getInt("failures"),
					Timestamps.fromDb(rs.getObject("window_started_at", OffsetDateTime.class)),
					Timestamps.fromDb(rs.getObject("locked_until", OffsetDateTime.class))))
			.single();
	}

	/** Saves the throttle; a lock ends the user's tokens at once, so remembered verdicts are forgotten. */
	void save(LoginThrottle throttle) {
		if (throttle.lockedUntil() != null) {
			tokenStates.changed();
		}
		jdbc.sql("""
				UPDATE login_throttle SET failures = :failures, window_started_at = :windowStartedAt,
				    locked_until = :lockedUntil WHERE username = :username""")
			.param("failures", throttle.failures())
			.param("windowStartedAt", Timestamps.toDb(throttle.windowStartedAt()))
			.param("lockedUntil", Timestamps.toDb(throttle.lockedUntil()))
			.param("username", throttle.username())
			.update();
	}
}
