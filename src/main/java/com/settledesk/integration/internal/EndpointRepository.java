package com.settledesk.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.integration.EventType;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.shared.Timestamps;

/** Webhook endpoints in SQL; secrets only as ciphertext. */
@Repository
class EndpointRepository {

	private final JdbcClient jdbc;
	private final PipelinedWrites writes;

	EndpointRepository(JdbcClient jdbc, PipelinedWrites writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	record Endpoint(UUID id, MerchantId merchantId, String url, Set<EventType> types, String secretCipher,
			String previousSecretCipher, Instant previousValidUntil, String status, Instant failingSince,
			Instant createdAt) {

		boolean wants(EventType type) {
			return types.contains(type);
		}
	}

	void insert(Endpoint e, String by) {
		jdbc.sql("""
				INSERT INTO webhook_endpoint (id, merchant_id, url, event_types, secret_cipher, status, created_by,
				    created_at, version)
				VALUES (:id, :merchant, :url, :types, :secret, 'ACTIVE', :by, :at, 0)""")
			.param("id", e.id()).param("merchant", e.merchantId().value()).param("url", e.url())
			.param("types", join(e.types())).param("secret", e.secretCipher()).param("by", by)
			.param("at", Timestamps.toDb(e.createdAt())).update();
	}

	Optional<Endpoint> find(MerchantId merchantId, UUID id) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = :id AND merchant_id = :m AND status <> 'DELETED'")
			.param("id", id).param("m", merchantId.value()).query(EndpointRepository::endpoint).optional();
	}

	Optional<Endpoint> find(UUID id) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = :id").param("id", id)
			.query(EndpointRepository::endpoint).optional();
	}

	List<Endpoint> ofMerchant(MerchantId merchantId) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE merchant_id = :m AND status <> 'DELETED' ORDER BY created_at")
			.param("m", merchantId.value()).query(EndpointRepository::endpoint).list();
	}

	List<Endpoint> activeOf(MerchantId merchantId) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE merchant_id = :m AND status = 'ACTIVE'")
			.param("m", merchantId.value()).query(EndpointRepository::endpoint).list();
	}

	private static final String SUBSCRIBED = """
			SELECT merchant_id, event_types FROM webhook_endpoint WHERE merchant_id IN (:ids) AND status = 'ACTIVE'""";

	/** Those of these merchants with an active endpoint subscribed to the type. */
	Set<MerchantId> subscribedAmong(Set<MerchantId> merchantIds, EventType type) {
		if (merchantIds.isEmpty()) {
			return Set.of();
		}
		return subscribed(jdbc.sql(SUBSCRIBED).param("ids", ids(merchantIds)).query(subscriptionTo(type)).list());
	}

	/**
	 * {@link #subscribedAmong}, handed to {@code then} once the transaction's held writes are sent (in their round
	 * trip), still before its commit.
	 */
	void subscribedAmongWithWrites(Set<MerchantId> merchantIds, EventType type, Consumer<Set<MerchantId>> then) {
		if (merchantIds.isEmpty()) {
			then.accept(Set.of());
			return;
		}
		writes.readWithWrites(SUBSCRIBED, Map.of("ids", ids(merchantIds)), subscriptionTo(type),
				rows -> then.accept(subscribed(rows)));
	}

	private static List<UUID> ids(Set<MerchantId> merchantIds) {
		return merchantIds.stream().map(MerchantId::value).toList();
	}

	private static RowMapper<MerchantId> subscriptionTo(EventType type) {
		return (rs, row) -> Arrays.asList(rs.getString(2).split(",")).contains(type.name())
				? new MerchantId(rs.getObject(1, UUID.class)) : null;
	}

	private static Set<MerchantId> subscribed(List<MerchantId> rows) {
		return rows.stream().filter(Objects::nonNull).collect(Collectors.toSet());
	}

	long countActive(MerchantId merchantId) {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE merchant_id = :m AND status <> 'DELETED'")
			.param("m", merchantId.value()).query(Long.class).single();
	}

	void markDeleted(UUID id) {
		jdbc.sql("UPDATE webhook_endpoint SET status = 'DELETED', version = version + 1 WHERE id = :id")
			.param("id", id).update();
	}

	void rollSecret(UUID id, String newCipher, String oldCipher, Instant oldValidUntil) {
		jdbc.sql("""
				UPDATE webhook_endpoint SET secret_cipher = :secret, previous_secret_cipher = :previous,
				    previous_valid_until = :until, version = version + 1 WHERE id = :id""")
			.param("secret", newCipher).param("previous", oldCipher).param("until", Timestamps.toDb(oldValidUntil))
			.param("id", id).update();
	}

	/** Marks the endpoint failing since the given time unless it already was; a success clears it. */
	void failing(UUID id, Instant since) {
		jdbc.sql("UPDATE webhook_endpoint SET failing_since = COALESCE(failing_since, :since) WHERE id = :id")
			.param("since", Timestamps.toDb(since)).param("id", id).update();
	}

	void healthy(UUID id) {
		jdbc.sql("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
			.param("id", id).update();
	}

	/** Disables an active endpoint failing since before the cutoff; answers whether this call disabled it. */
	boolean disableIfFailingSince(UUID id, Instant cutoff) {
		return jdbc.sql("""
				UPDATE webhook_endpoint SET status = 'DISABLED', version = version + 1
				WHERE id = :id AND status = 'ACTIVE' AND failing_since < :cutoff""")
			.param("id", id).param("cutoff", Timestamps.toDb(cutoff)).update() == 1;
	}

	/** Makes a disabled endpoint active again, its failures forgotten; answers whether it was disabled. */
	boolean enable(UUID id) {
		return jdbc.sql("""
				UPDATE webhook_endpoint SET status = 'ACTIVE', failing_since = NULL, version = version + 1
				WHERE id = :id AND status = 'DISABLED'""")
			.param("id", id).update() == 1;
	}

	private static String join(Set<EventType> types) {
		return types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
		Set<EventType> types = EnumSet.noneOf(EventType.class);
		Arrays.stream(rs.getString("event_types").split(",")).filter(s -> !s.isBlank()).forEach(name -> {
			try {
				types.add(EventType.valueOf(name));
			}
			catch (IllegalArgumentException e) {
				// a type retired from the catalogue is no longer delivered
			}
		});
		return new Endpoint(rs.getObject("id", UUID.class), new MerchantId(rs.getObject("merchant_id", UUID.class)),
				rs.getString("url"), types, rs.getString("secret_cipher"), rs.getString("previous_secret_cipher"),
				Timestamps.fromDb(rs.getObject("previous_valid_until", OffsetDateTime.class)), rs.getString("status"),
				Timestamps.fromDb(rs.getObject("failing_since", OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)));
	}
}
