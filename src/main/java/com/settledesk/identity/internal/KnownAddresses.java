package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.identity.LoginHistory;
import com.settledesk.shared.Timestamps;

@Service
class KnownAddresses implements LoginHistory {

	private static final Duration NEW_FOR = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final Clock clock;

	KnownAddresses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Called on each successful sign-in. */
	void remember(UUID userId, String address) {
		if (address == null) {
			return;
		}
		var now = Timestamps.toDb(clock.instant());
		int updated = jdbc.sql("UPDATE user_known_address SET last_seen = :now WHERE user_id = :user AND address = :address")
			.param("now", now).param("user", userId).param("address", address).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO user_known_address (user_id, address, first_seen, last_seen) VALUES (:user, :address, :now, :now)
					ON CONFLICT DO NOTHING""")
				.param("user", userId).param("address", address).param("now", now).update();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isUnfamiliarAddress(String username, String address) {
		Instant recent = clock.instant().minus(NEW_FOR);
		var firstSeen = jdbc.sql("""
				SELECT a.first_seen FROM user_known_address a JOIN user_account u ON u.id = a.user_id
				WHERE u.username = :username AND a.address = :address""")
			.param("username", username).param("address", address)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
		long others = jdbc.sql("""
				SELECT COUNT(*) FROM user_known_address a JOIN user_account u ON u.id = a.user_id
				WHERE u.username = :username AND a.address <> :address""")
			.param("username", username).param("address", address).query(Long.class).single();
		return others > 0 && (firstSeen.isEmpty() || firstSeen.get().isAfter(recent));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean passwordChangedSince(String username, Instant since) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM user_account WHERE username = :username
				AND password_changed_at > created_at AND password_changed_at > :since""")
			.param("username", username).param("since", Timestamps.toDb(since)).query(Long.class).single() > 0;
	}
}
