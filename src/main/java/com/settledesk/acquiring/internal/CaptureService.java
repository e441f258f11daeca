package com.settledesk.acquiring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.CardKind;
import com.settledesk.acquiring.Channel;
import com.settledesk.acquiring.Transactions;
import com.settledesk.ledger.JournalEntry;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.ledger.Posting;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.MerchantStatus;
import com.settledesk.merchant.Merchants;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.Terminals;

/**
 * Captures a transaction and posts it in one transaction: Dr card-network receivable (amount), Cr the
 * merchant's payable (net), Cr fee revenue (fee). The reference is unique: a duplicate, even a concurrent
 * one, answers the first capture and posts nothing.
 */
@Service
@EnableConfigurationProperties(FeeProperties.class)
class CaptureService implements Transactions {

	private final JdbcClient jdbc;
	private final Merchants merchants;
	private final Terminals terminals;
	private final FeeProperties fees;
	private final Ledger ledger;
	private final Clock clock;
	private final TransactionTemplate transactions;

	CaptureService(JdbcClient jdbc, Merchants merchants, Terminals terminals, FeeProperties fees, Ledger ledger,
			Clock clock, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.terminals = terminals;
		this.fees = fees;
		this.ledger = ledger;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Override
	public CaptureResult capture(Capture capture) {
		var known = capture.reference() == null ? null : findByReference(capture.reference());
		if (known != null) {
			return new CaptureResult(known, true);
		}
		try {
			return transactions.execute(tx -> captureNew(capture));
		}
		catch (DuplicateKeyException e) {
			return new CaptureResult(findByReference(capture.reference()), true);
		}
	}

	private CaptureResult captureNew(Capture c) {
		List<FieldViolation> violations = new ArrayList<>();
		if (c.reference() == null || c.reference().isBlank() || c.reference().length() > 64) {
			violations.add(new FieldViolation("reference", "REQUIRED"));
		}
		MerchantProfile merchant = c.merchantNo() == null ? null : merchants.findByMerchantNo(c.merchantNo()).orElse(null);
		if (merchant == null) {
			violations.add(new FieldViolation("merchantNo", "UNKNOWN_MERCHANT"));
		}
		else if (merchant.status() != MerchantStatus.ACTIVE) {
			violations.add(new FieldViolation("merchantNo", "MERCHANT_NOT_ACTIVE"));
		}
		var terminal = c.terminalSn() == null ? null : terminals.findBySerialNo(c.terminalSn()).orElse(null);
		if (terminal == null || merchant == null || !merchant.id().equals(terminal.merchantId())) {
			violations.add(new FieldViolation("terminalSn", "TERMINAL_NOT_OF_MERCHANT"));
		}
		else if (terminal.status() != TerminalStatus.ACTIVE) {
			violations.add(new FieldViolation("terminalSn", "TERMINAL_NOT_ACTIVE"));
		}
		Channel channel = parse(Channel.class, "channel", c.channel(), violations);
		CardKind cardKind = parse(CardKind.class, "cardKind", c.cardKind(), violations);
		if (channel != null && !channel.isQr() && cardKind == CardKind.NONE) {
			violations.add(new FieldViolation("cardKind", "CARD_KIND_REQUIRED"));
		}
		if (c.amountFen() == null || c.amountFen() <= 0) {
			violations.add(new FieldViolation("amountFen", "MUST_BE_POSITIVE"));
		}
		else if (c.amountFen() > fees.singleTransactionLimitFen()) {
			violations.add(new FieldViolation("amountFen", "OVER_LIMIT"));
		}
		if (c.occurredAt() == null) {
			violations.add(new FieldViolation("occurredAt", "REQUIRED"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
		Money amount = Money.ofFen(c.amountFen());
		Money fee = fees.plan(merchant.feePlan()).feeFor(channel, cardKind, amount);
		Money net = amount.minus(fee);
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				INSERT INTO card_transaction (id, reference, merchant_id, terminal_sn, channel, card_kind, amount_fen, fee_fen,
				    net_fen, occurred_at, captured_at, business_date, status)
				VALUES (:id, :reference, :merchant, :terminal, :channel, :cardKind, :amount, :fee, :net, :occurredAt,
				    :capturedAt, :businessDate, 'CAPTURED')
				ON CONFLICT DO NOTHING""")
			.param("id", id).param("reference", c.reference()).param("merchant", merchant.id().value())
			.param("terminal", c.terminalSn()).param("channel", channel.name()).param("cardKind", cardKind.name())
			.param("amount", amount.fen()).param("fee", fee.fen()).param("net", net.fen())
			.param("occurredAt", Timestamps.toDb(c.occurredAt())).param("capturedAt", Timestamps.toDb(now))
			.param("businessDate", LocalDate.ofInstant(now, ClockConfiguration.DISPLAY_ZONE))
			.update();
		if (inserted == 0) {
			return new CaptureResult(findByReference(c.reference()), true);
		}
		ledger.post(new JournalEntry("CAPTURE", id.toString(), List.of(
				Posting.debit(LedgerAccount.CARD_NETWORK_RECEIVABLE, amount),
				Posting.credit(LedgerAccount.merchantPayable(merchant.id()), net),
				Posting.credit(LedgerAccount.FEE_REVENUE, fee))));
		return new CaptureResult(findByReference(c.reference()), false);
	}

	@Override
	@Transactional
	public CapturedTransaction refund(String reference) {
		return undo(reference, "REFUNDED", "REFUND");
	}

	@Override
	@Transactional
	public CapturedTransaction reverse(String reference) {
		return undo(reference, "REVERSED", "REVERSAL");
	}

	private CapturedTransaction undo(String reference, String status, String entryKind) {
		CapturedTransaction t = findByReference(reference);
		if (t == null) {
			throw new ResourceNotFoundException("Transaction");
		}
		int updated = jdbc.sql("UPDATE card_transaction SET status = :status WHERE id = :id AND status = 'CAPTURED'")
			.param("status", status).param("id", t.id()).update();
		if (updated == 0) {
			throw new StateConflictException("TRANSACTION_NOT_REFUNDABLE", "Only a captured transaction can be undone");
		}
		ledger.post(new JournalEntry(entryKind, t.id().toString(), List.of(
				Posting.credit(LedgerAccount.CARD_NETWORK_RECEIVABLE, t.amount()),
				Posting.debit(LedgerAccount.merchantPayable(t.merchantId()), t.net()),
				Posting.debit(LedgerAccount.FEE_REVENUE, t.fee()))));
		return findByReference(reference);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CapturedTransaction> ofMerchant(MerchantId merchantId, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("""
				SELECT * FROM card_transaction WHERE merchant_id = :merchant AND business_date BETWEEN :from AND :to
				ORDER BY captured_at DESC LIMIT :limit""")
			.param("merchant", merchantId.value()).param("from", from).param("to", to)
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query(CaptureService::map).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Money netCapturedSince(MerchantId merchantId, LocalDate businessDate) {
		return Money.ofFen(jdbc.sql("""
				SELECT COALESCE(SUM(net_fen), 0) FROM card_transaction
				WHERE merchant_id = :merchant AND business_date >= :date AND status = 'CAPTURED'""")
			.param("merchant", merchantId.value()).param("date", businessDate).query(Long.class).single());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<LocalDate, Money> takingsByDay(MerchantId merchantId, LocalDate from, LocalDate to) {
		Map<LocalDate, Money> days = new LinkedHashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, Money.ZERO);
		}
		jdbc.sql("""
				SELECT business_date, SUM(amount_fen) AS total FROM card_transaction
				WHERE merchant_id = :merchant AND business_date BETWEEN :from AND :to AND status = 'CAPTURED'
				GROUP BY business_date""")
			.param("merchant", merchantId.value()).param("from", from).param("to", to)
			.query().listOfRows()
			.forEach(row -> days.put(((java.sql.Date) row.get("business_date")).toLocalDate(),
					Money.ofFen(((Number) row.get("total")).longValue())));
		return days;
	}

	private CapturedTransaction findByReference(String reference) {
		return jdbc.sql("SELECT * FROM card_transaction WHERE reference = :reference").param("reference", reference)
			.query(CaptureService::map).optional().orElse(null);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldViolation> violations) {
		try {
			return Enum.valueOf(type, value == null ? "" : value);
		}
		catch (IllegalArgumentException e) {
			violations.add(new FieldViolation(field, value == null ? "REQUIRED" : "INVALID"));
			return null;
		}
	}

	private static CapturedTransaction map(ResultSet rs, int row) throws SQLException {
		return new CapturedTransaction(rs.getObject("id", UUID.class), rs.getString("reference"),
				new MerchantId(rs.getObject("merchant_id", UUID.class)), rs.getString("terminal_sn"),
				Channel.valueOf(rs.getString("channel")), CardKind.valueOf(rs.getString("card_kind")),
				Money.ofFen(rs.getLong("amount_fen")), Money.ofFen(rs.getLong("fee_fen")), Money.ofFen(rs.getLong("net_fen")),
				Timestamps.fromDb(rs.getObject("occurred_at", OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("captured_at", OffsetDateTime.class)),
				rs.getObject("business_date", LocalDate.class), rs.getString("status"));
	}
}
