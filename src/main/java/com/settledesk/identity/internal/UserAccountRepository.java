package com.settledesk.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.identity.Role;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Timestamps;

@Repository
class UserAccountRepository {

	private final JdbcClient jdbc;
	private final TokenStates tokenStates;

	UserAccountRepository(JdbcClient jdbc, TokenStates tokenStates) {
		this.jdbc = jdbc;
		this.tokenStates = tokenStates;
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("SELECT * FROM user_account WHERE username = :username")
			.param("username", username)
			.query(UserAccountRepository::map)
			.optional();
	}

	List<UserAccount> findAll() {
		return jdbc.sql("SELECT * FROM user_account ORDER BY role, username").query(UserAccountRepository::map).list();
	}

	/** A new password hash; earlier tokens and sessions end, for they were issued before {@code at}. */
	void changePassword(java.util.UUID id, String hash, Instant at) {
		jdbc.sql("UPDATE user_account SET password_hash = :hash, password_changed_at = :at, version = version + 1 WHERE id = :id")
			.param("hash", hash).param("at", Timestamps.toDb(at)).param("id", id).update();
		tokenStates.changed();
	}

	/** When the user's password last changed, for ending web sessions that began before it. */
	Optional<Instant> passwordChangedAt(java.util.UUID id) {
		return jdbc.sql("SELECT password_changed_at FROM user_account WHERE id = :id AND enabled = TRUE").param("id", id)
			.query((rs, row) -> Timestamps.fromDb(rs.getObject(1, java.time.OffsetDateTime.class))).optional();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
	}

	/** Inserts unless the username is taken; tells which without raising inside the transaction. */
	boolean insertIfAbsent(UserAccount user) {
		return jdbc.sql("""
				INSERT INTO user_account (id, username, password_hash, display_name, role, merchant_id, enabled,
				    created_at, password_changed_at, version)
				VALUES (:id, :username, :hash, :displayName, :role, :merchantId, :enabled, :createdAt, :changedAt, 0)
				ON CONFLICT DO NOTHING""")
			.param("id", user.id())
			.param("username", user.username())
			.param("hash", user.passwordHash())
			.param("displayName", user.displayName())
			.param("role", user.role().name())
			.param("merchantId", user.merchantId() == null ? null : user.merchantId().value())
			.param("enabled", user.enabled())
			.param("createdAt", Timestamps.toDb(user.createdAt()))
			.param("changedAt", Timestamps.toDb(user.passwordChangedAt()))
			.update() == 1;
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		UUID merchant = rs.getObject("merchant_id", UUID.class);
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"),
				rs.getString("password_hash"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
				merchant == null ? null : new MerchantId(merchant), rs.getBoolean("enabled"),
				Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("password_changed_at", OffsetDateTime.class)), rs.getLong("version"));
	}
}
