package com.settledesk.posapplication.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.posapplication.ApplicationHistoryEntry;
import com.settledesk.posapplication.ApplicationStatus;
import com.settledesk.posapplication.Carrier;
import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.terminal.ChargeKind;
import com.settledesk.terminal.TerminalModel;

/** Terminal applications, their timelines and daily numbers, in SQL. */
@Repository
class TerminalApplicationRepository {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;

	TerminalApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void lockMerchant(MerchantId merchantId) {
		jdbc.sql("INSERT INTO terminal_application_guard (merchant_id) VALUES (:m) ON CONFLICT DO NOTHING")
			.param("m", merchantId.value()).update();
		jdbc.sql("SELECT merchant_id FROM terminal_application_guard WHERE merchant_id = :m FOR UPDATE")
			.param("m", merchantId.value()).query().singleRow();
	}

	/** The next number of the day, e.g. PA20261127-0001; the counter row serialises concurrent applications. */
	String nextNumber(LocalDate day) {
		String key = day.format(DAY);
		jdbc.sql("INSERT INTO terminal_application_counter (business_day, last_number) VALUES (:day, 0) ON CONFLICT DO NOTHING")
			.param("day", key).update();
		jdbc.sql("UPDATE terminal_application_counter SET last_number = last_number + 1 WHERE business_day = :day")
			.param("day", key).update();
		int last = jdbc.sql("SELECT last_number FROM terminal_application_counter WHERE business_day = :day")
			.param("day", key).query(Integer.class).single();
		return "PA" + key + "-" + String.format("%04d", last);
	}

	record Idempotent(UUID id, String requestHash) {
	}

	Optional<Idempotent> byIdempotencyKey(MerchantId merchantId, String key) {
		return jdbc.sql("SELECT id, request_hash FROM terminal_application WHERE merchant_id = :m AND idempotency_key = :k")
			.param("m", merchantId.value()).param("k", key)
			.query((rs, row) -> new Idempotent(rs.getObject(1, UUID.class), rs.getString(2))).optional();
	}

	long countOpen(MerchantId merchantId) {
		return jdbc.sql("SELECT COUNT(*) FROM terminal_application WHERE merchant_id = :m AND status IN (:open)")
			.param("m", merchantId.value()).param("open", ApplicationStatus.OPEN.stream().map(Enum::name).toList())
			.query(Long.class).single();
	}

	void insert(TerminalApplication a, String submittedBy, Instant now, String idempotencyKey, String requestHash) {
		ValidDraft d = a.draft;
		jdbc.sql("""
				INSERT INTO terminal_application (id, number, merchant_id, model_code, quantity, charge_kind, unit_charge_fen,
				    delivery_address, contact_name, contact_phone, installation_address, installation_reason, status,
				    submitted_by, submitted_at, idempotency_key, request_hash, updated_at, version)
				VALUES (:id, :number, :merchant, :model, :quantity, :chargeKind, :unitCharge, :delivery, :contactName,
				    :contactPhone, :installation, :reason, :status, :by, :now, :key, :hash, :now, 0)""")
			.param("id", a.id).param("number", a.number).param("merchant", a.merchantId.value())
			.param("model", d.model().code()).param("quantity", d.quantity())
			.param("chargeKind", d.model().chargeKind().name()).param("unitCharge", d.model().chargeOnApproval().fen())
			.param("delivery", d.deliveryAddress()).param("contactName", d.contactName())
			.param("contactPhone", d.contactPhone()).param("installation", d.installationAddress())
			.param("reason", d.installationReason()).param("status", a.status.name()).param("by", submittedBy)
			.param("now", Timestamps.toDb(now)).param("key", idempotencyKey).param("hash", requestHash)
			.update();
		addSteps(a);
	}

	Optional<TerminalApplication> lock(UUID id, Function<String, TerminalModel> models) {
		return jdbc.sql("SELECT * FROM terminal_application WHERE id = :id FOR UPDATE").param("id", id)
			.query((rs, row) -> aggregate(rs, models)).optional();
	}

	void save(TerminalApplication a, Instant now) {
		ValidDraft d = a.draft;
		int updated = jdbc.sql("""
				UPDATE terminal_application SET quantity = :quantity, delivery_address = :delivery,
				    contact_name = :contactName, contact_phone = :contactPhone, installation_address = :installation,
				    installation_reason = :reason, status = :status, info_request = :infoRequest,
				    reject_reason = :rejectReason, carrier = :carrier, tracking_no = :trackingNo, reviewed_by = :reviewedBy,
				    reviewed_at = :reviewedAt, shipped_by = :shippedBy, shipped_at = :shippedAt,
				    delivered_at = :deliveredAt, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("quantity", d.quantity()).param("delivery", d.deliveryAddress())
			.param("contactName", d.contactName()).param("contactPhone", d.contactPhone())
			.param("installation", d.installationAddress()).param("reason", d.installationReason())
			.param("status", a.status.name()).param("infoRequest", a.infoRequest).param("rejectReason", a.rejectReason)
			.param("carrier", a.carrier == null ? null : a.carrier.name()).param("trackingNo", a.trackingNo)
			.param("reviewedBy", a.reviewedBy).param("reviewedAt", Timestamps.toDb(a.reviewedAt))
			.param("shippedBy", a.shippedBy).param("shippedAt", Timestamps.toDb(a.shippedAt))
			.param("deliveredAt", Timestamps.toDb(a.deliveredAt)).param("now", Timestamps.toDb(now))
			.param("id", a.id).param("version", a.version)
			.update();
		if (updated != 1) {
			throw new StateConflictException("CONCURRENT_UPDATE", "The application was changed meanwhile");
		}
		addSteps(a);
	}

	private void addSteps(TerminalApplication a) {
		for (TerminalApplication.Step step : a.steps()) {
			jdbc.sql("""
					INSERT INTO terminal_application_history (application_id, seq, status, at, by_user, note)
					VALUES (:id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM terminal_application_history WHERE application_id = :id),
					    :status, :at, :by, :note)""")
				.param("id", a.id).param("status", step.status().name()).param("at", Timestamps.toDb(step.at()))
				.param("by", step.by()).param("note", step.note()).update();
		}
	}

	Optional<TerminalApplicationView> find(UUID id) {
		return jdbc.sql("SELECT * FROM terminal_application WHERE id = :id").param("id", id)
			.query((rs, row) -> view(rs)).optional();
	}

	List<TerminalApplicationView> ofMerchant(MerchantId merchantId) {
		return jdbc.sql("SELECT * FROM terminal_application WHERE merchant_id = :m ORDER BY submitted_at DESC LIMIT 100")
			.param("m", merchantId.value()).query((rs, row) -> view(rs)).list();
	}

	List<TerminalApplicationView> inStatuses(Collection<ApplicationStatus> statuses, int limit) {
		return jdbc.sql("SELECT * FROM terminal_application WHERE status IN (:statuses) ORDER BY submitted_at LIMIT :limit")
			.param("statuses", statuses.stream().map(Enum::name).toList()).param("limit", limit)
			.query((rs, row) -> view(rs)).list();
	}

	List<UUID> shippedBefore(Instant before, int limit) {
		return jdbc.sql("SELECT id FROM terminal_application WHERE status = 'SHIPPED' AND shipped_at <= :before"
				+ " ORDER BY shipped_at LIMIT :limit")
			.param("before", Timestamps.toDb(before)).param("limit", limit)
			.query((rs, row) -> rs.getObject(1, UUID.class)).list();
	}

	/** Rented terminals' applications that were shipped (their terminals may still be with the merchant). */
	List<TerminalApplicationView> rentedInUse() {
		return jdbc.sql("""
				SELECT * FROM terminal_application WHERE charge_kind = 'RENTAL' AND status IN ('SHIPPED', 'DELIVERED')
				ORDER BY submitted_at""")
			.query((rs, row) -> view(rs)).list();
	}

	Instant approvedAt(UUID id) {
		return jdbc.sql("SELECT reviewed_at FROM terminal_application WHERE id = :id").param("id", id)
			.query((rs, row) -> instant(rs, "reviewed_at")).single();
	}

	void addSerials(UUID applicationId, List<String> serialNumbers) {
		serialNumbers.forEach(serial -> jdbc.sql(
				"INSERT INTO terminal_application_serial (application_id, serial_no) VALUES (:id, :sn)")
			.param("id", applicationId).param("sn", serial).update());
	}

	List<String> serials(UUID applicationId) {
		return jdbc.sql("SELECT serial_no FROM terminal_application_serial WHERE application_id = :id ORDER BY serial_no")
			.param("id", applicationId).query(String.class).list();
	}

	private List<ApplicationHistoryEntry> history(UUID id) {
		return jdbc.sql("SELECT * FROM terminal_application_history WHERE application_id = :id ORDER BY seq")
			.param("id", id)
			.query((rs, row) -> new ApplicationHistoryEntry(ApplicationStatus.valueOf(rs.getString("status")),
					instant(rs, "at"), rs.getString("by_user"), rs.getString("note")))
			.list();
	}

	private TerminalApplicationView view(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String carrier = rs.getString("carrier");
		return new TerminalApplicationView(id, rs.getString("number"), new MerchantId(rs.getObject("merchant_id", UUID.class)),
				rs.getString("model_code"), rs.getInt("quantity"), ChargeKind.valueOf(rs.getString("charge_kind")),
				Money.ofFen(rs.getLong("unit_charge_fen")), rs.getString("delivery_address"), rs.getString("contact_name"),
				rs.getString("contact_phone"), rs.getString("installation_address"), rs.getString("installation_reason"),
				ApplicationStatus.valueOf(rs.getString("status")), rs.getString("info_request"),
				rs.getString("reject_reason"), carrier == null ? null : Carrier.valueOf(carrier), rs.getString("tracking_no"),
				instant(rs, "submitted_at"), instant(rs, "delivered_at"), serials(id), history(id));
	}

	private static TerminalApplication aggregate(ResultSet rs, Function<String, TerminalModel> models)
			throws SQLException {
		ValidDraft draft = new ValidDraft(models.apply(rs.getString("model_code")), rs.getInt("quantity"),
				rs.getString("delivery_address"), rs.getString("contact_name"), rs.getString("contact_phone"),
				rs.getString("installation_address"), rs.getString("installation_reason"));
		TerminalApplication a = new TerminalApplication(rs.getObject("id", UUID.class), rs.getString("number"),
				new MerchantId(rs.getObject("merchant_id", UUID.class)), draft,
				ApplicationStatus.valueOf(rs.getString("status")), rs.getLong("version"));
		a.infoRequest = rs.getString("info_request");
		a.rejectReason = rs.getString("reject_reason");
		String carrier = rs.getString("carrier");
		a.carrier = carrier == null ? null : Carrier.valueOf(carrier);
		a.trackingNo = rs.getString("tracking_no");
		a.reviewedBy = rs.getString("reviewed_by");
		a.reviewedAt = instant(rs, "reviewed_at");
		a.shippedBy = rs.getString("shipped_by");
		a.shippedAt = instant(rs, "shipped_at");
		a.deliveredAt = instant(rs, "delivered_at");
		return a;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return Timestamps.fromDb(rs.getObject(column, OffsetDateTime.class));
	}
}
