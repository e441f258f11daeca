package com.settledesk.acquiring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.CardKind;
import com.settledesk.acquiring.Channel;
import com.settledesk.acquiring.TransactionUndone;
import com.settledesk.acquiring.Transactions;
import com.settledesk.acquiring.TransactionSearch;
import com.settledesk.acquiring.TransactionsCaptured;
import com.settledesk.acquiring.Transactions.BatchOutcome;
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
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.TimeOrderedIds;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

/**
 * Captures transactions — one, or a gateway's batch in one database transaction with a statement per table —
 * and posts them. The reference is unique: a duplicate, even a concurrent one, answers the first capture and
 * posts nothing.
 */
@Service
@EnableConfigurationProperties(FeeProperties.class)
class CaptureService implements Transactions {

	private static final int IN_LIST = 1000;
	private static final int SENT_TOGETHER_AT_MOST = 64;

	private final JdbcClient jdbc;
	private final PipelinedWrites writes;
	private final Merchants merchants;
	private final Terminals terminals;
	private final FeeProperties fees;
	private final Ledger ledger;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final CaptureGroupCommit groups;

	CaptureService(JdbcClient jdbc, PipelinedWrites writes, Merchants merchants, Terminals terminals, FeeProperties fees, Ledger ledger,
			Clock clock, TransactionTemplate transactions, ApplicationEventPublisher events, CaptureGroupCommit groups) {
		this.events = events;
		this.groups = groups;
		this.jdbc = jdbc;
		this.writes = writes;
		this.merchants = merchants;
		this.terminals = terminals;
		this.fees = fees;
		this.ledger = ledger;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Override
	public CaptureResult capture(Capture capture) {
		// Inside a caller's transaction the capture must be part of it, so it cannot join a group.
		BatchOutcome outcome = (TransactionSynchronizationManager.isActualTransactionActive() ? Optional.<BatchOutcome>empty()
				: groups.submit(capture)).orElseGet(() -> captureAll(List.of(capture)).get(0));
		if (outcome.isRejected()) {
			throw new ValidationFailedException(outcome.violations());
		}
		return outcome.result();
	}

	@Override
	public List<BatchOutcome> captureAll(List<Capture> captures) {
		// A caller's transaction cannot be tried again, so inside one the references are looked up first.
		boolean canRetry = !TransactionSynchronizationManager.isActualTransactionActive();
		for (int attempt = 1;; attempt++) {
			boolean lookUpFirst = attempt > 1 || !canRetry;
			try {
				return transactions.execute(tx -> captureInOneTransaction(captures, lookUpFirst));
			}
			catch (DuplicateKeyException e) {
				// A reference was taken before — sent again, or by a concurrent capture — so the insert hit the
				// unique key: the next attempt looks the references up and answers those as the duplicates they
				// are. (Inside a caller's transaction — the terminal host's group commit — the caller answers the
				// group one by one instead.)
				if (attempt == 3) {
					throw e;
				}
			}
			catch (TransientDataAccessException e) {
				// The database ended the transaction or gave up waiting (a deadlock, a lock not granted in time — the
				// embedded database reports that as a query timeout): once rolled back nothing of it is left, so it
				// goes again — unless it was the caller's, which is the caller's to answer.
				if (attempt == 3 || !canRetry) {
					throw e;
				}
			}
		}
	}

	@Override
	public List<Optional<BatchOutcome>> captureAllNew(List<Capture> captures, Predicate<Capture> stillNew) {
		return transactions.execute(tx -> writes.together(() -> {
			Supplier<Map<String, MerchantProfile>> merchantsByNo = merchantsOf(captures);
			Supplier<Map<String, TerminalView>> terminalsBySn = terminalsOf(captures);
			List<Boolean> taking = captures.stream().map(stillNew::test).toList();
			List<Capture> taken = IntStream.range(0, captures.size()).filter(taking::get).mapToObj(captures::get).toList();
			Iterator<BatchOutcome> outcomes = (taken.isEmpty() ? List.<BatchOutcome>of()
					: captureInOneTransaction(taken, false, merchantsByNo, terminalsBySn)).iterator();
			return taking.stream().map(take -> take ? Optional.of(outcomes.next()) : Optional.<BatchOutcome>empty())
				.toList();
		}));
	}

	/** A group's reads go out in one round trip and its inserts in another; a large batch keeps a trip per kind. */
	private List<BatchOutcome> captureInOneTransaction(List<Capture> captures, boolean lookUpFirst) {
		Supplier<List<BatchOutcome>> work = () -> captureInOneTransaction(captures, lookUpFirst, merchantsOf(captures),
				terminalsOf(captures));
		return captures.size() > SENT_TOGETHER_AT_MOST ? work.get() : writes.together(work);
	}

	private Supplier<Map<String, MerchantProfile>> merchantsOf(List<Capture> captures) {
		return merchants.findByMerchantNosLater(captures.stream().map(Capture::merchantNo).filter(Objects::nonNull).toList());
	}

	private Supplier<Map<String, TerminalView>> terminalsOf(List<Capture> captures) {
		return terminals.findBySerialNosLater(captures.stream().map(Capture::terminalSn).filter(Objects::nonNull).toList());
	}

	/**
	 * A first attempt does not look the references up: a reference sent again is rare and the unique key finds it
	 * anyway, so most captures save that round trip. A capture refused by the rules is still answered as the
	 * duplicate of the transaction its reference already names. The merchants and terminals are read when first
	 * needed, with whatever other reads wait then.
	 */
	private List<BatchOutcome> captureInOneTransaction(List<Capture> captures, boolean lookUpFirst,
			Supplier<Map<String, MerchantProfile>> merchantsLater, Supplier<Map<String, TerminalView>> terminalsLater) {
		Map<String, CapturedTransaction> known = lookUpFirst ? findByReferences(captures.stream().map(Capture::reference)
			.filter(CaptureService::validReference).toList()) : new HashMap<>();
		Map<String, MerchantProfile> merchantsByNo = merchantsLater.get();
		Map<String, TerminalView> terminalsBySn = terminalsLater.get();
		Instant now = clock.instant();
		BatchOutcome[] outcomes = new BatchOutcome[captures.size()];
		Map<String, CapturedTransaction> accepted = new LinkedHashMap<>();
		Map<Integer, String> duplicatesInBatch = new HashMap<>();
		for (int i = 0; i < captures.size(); i++) {
			Capture c = captures.get(i);
			if (known.containsKey(c.reference())) {
				outcomes[i] = new BatchOutcome(new CaptureResult(known.get(c.reference()), true), List.of());
			}
			else if (accepted.containsKey(c.reference())) {
				duplicatesInBatch.put(i, c.reference());
			}
			else {
				List<FieldViolation> violations = new ArrayList<>();
				CapturedTransaction t = validated(c, merchantsByNo.get(c.merchantNo()), terminalsBySn.get(c.terminalSn()),
						now, violations);
				if (violations.isEmpty()) {
					accepted.put(c.reference(), t);
				}
				else {
					outcomes[i] = new BatchOutcome(null, violations);
				}
			}
		}
		if (!lookUpFirst) {
			answerRefusedDuplicates(captures, outcomes);
		}
		Map<String, CaptureResult> results = insert(accepted);
		for (int i = 0; i < captures.size(); i++) {
			if (outcomes[i] == null) {
				CaptureResult result = results.get(captures.get(i).reference());
				outcomes[i] = new BatchOutcome(duplicatesInBatch.containsKey(i)
						? new CaptureResult(result.transaction(), true) : result, List.of());
			}
		}
		return List.of(outcomes);
	}

	/** The transaction the capture describes, or nothing and the reasons in {@code violations}. */
	private CapturedTransaction validated(Capture c, MerchantProfile merchant, TerminalView terminal, Instant now,
			List<FieldViolation> violations) {
		if (!validReference(c.reference())) {
			violations.add(new FieldViolation("reference", "REQUIRED"));
		}
		if (merchant == null) {
			violations.add(new FieldViolation("merchantNo", "UNKNOWN_MERCHANT"));
		}
		else if (merchant.status() != MerchantStatus.ACTIVE) {
			violations.add(new FieldViolation("merchantNo", "MERCHANT_NOT_ACTIVE"));
		}
		if (terminal == null || merchant == null || !merchant.id().equals(terminal.merchantId())) {
			violations.add(new FieldViolation("terminalSn", "TERMINAL_NOT_OF_MERCHANT"));
		}
		else if (terminal.status() != TerminalStatus.ACTIVE) {
			violations.add(new FieldViolation("terminalSn", "TERMINAL_NOT_ACTIVE"));
		}
		Channel channel = parse(Channel.class, "channel", c.channel(), violations);
		CardKind cardKind = parse(CardKind.class, "cardKind", c.cardKind(), violations);
		if (channel != null && terminal != null && !terminal.acceptsChannel(channel.name())) {
			violations.add(new FieldViolation("channel", "CHANNEL_NOT_ACCEPTED_BY_TERMINAL"));
		}
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
		else if (c.occurredAt().isBefore(now.minus(fees.occurredAtPast()))
				|| c.occurredAt().isAfter(now.plus(fees.occurredAtFuture()))) {
			violations.add(new FieldViolation("occurredAt", "OUT_OF_WINDOW"));
		}
		if (!violations.isEmpty()) {
			return null;
		}
		Money amount = Money.ofFen(c.amountFen());
		Money fee = fees.plan(merchant.feePlan()).feeFor(channel, cardKind, amount);
		return new CapturedTransaction(TimeOrderedIds.next(), c.reference(), merchant.id(), c.terminalSn(), channel, cardKind,
				amount, fee, amount.minus(fee), c.occurredAt(), now, LocalDate.ofInstant(now, ClockConfiguration.DISPLAY_ZONE),
				"CAPTURED");
	}

	/**
	 * Inserts the accepted transactions and posts them: Dr card-network receivable (amount), Cr the merchant's
	 * payable (net), Cr fee revenue (fee). A reference a concurrent capture took since it was looked up fails the
	 * insert (unique key): {@link #captureAll} tries again and then finds it, so nothing is posted twice and no
	 * second read is needed to learn which rows went in.
	 */
	private Map<String, CaptureResult> insert(Map<String, CapturedTransaction> accepted) {
		Map<String, CaptureResult> results = new HashMap<>();
		if (accepted.isEmpty()) {
			return results;
		}
		// in reference order, so two batches sharing references wait for each other instead of deadlocking
		List<CapturedTransaction> rows = accepted.values().stream()
			.sorted(Comparator.comparing(CapturedTransaction::reference)).toList();
		writes.insert("""
				INSERT INTO card_transaction (id, reference, merchant_id, terminal_sn, channel, card_kind, amount_fen, fee_fen,
				    net_fen, occurred_at, captured_at, business_date, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CAPTURED')""", rows.stream().map(t -> new Object[] { t.id(),
				t.reference(), t.merchantId().value(), t.terminalSn(), t.channel().name(), t.cardKind().name(),
				t.amount().fen(), t.fee().fen(), t.net().fen(), Timestamps.toDb(t.occurredAt()),
				Timestamps.toDb(t.capturedAt()), t.businessDate() }).toList());
		List<JournalEntry> entries = new ArrayList<>();
		for (CapturedTransaction t : rows) {
			results.put(t.reference(), new CaptureResult(t, false));
			entries.add(new JournalEntry("CAPTURE", t.id().toString(), List.of(
					Posting.debit(LedgerAccount.CARD_NETWORK_RECEIVABLE, t.amount()),
					Posting.credit(LedgerAccount.merchantPayable(t.merchantId()), t.net()),
					Posting.credit(LedgerAccount.FEE_REVENUE, t.fee()))));
		}
		ledger.postAll(entries);
		for (int from = 0; from < rows.size(); from += TransactionsCaptured.MAX_IDS) {
			List<CapturedTransaction> chunk = rows.subList(from, Math.min(rows.size(), from + TransactionsCaptured.MAX_IDS));
			events.publishEvent(new TransactionsCaptured(chunk.stream().map(CapturedTransaction::id).toList(),
					chunk.stream().map(CapturedTransaction::merchantId).collect(Collectors.toUnmodifiableSet())));
		}
		return results;
	}

	@Override
	@Transactional
	public CapturedTransaction refund(String reference, String idempotencyKey) {
		return undo(reference, "REFUNDED", "REFUND", idempotencyKey);
	}

	@Override
	@Transactional
	public CapturedTransaction reverse(String reference, String idempotencyKey) {
		return undo(reference, "REVERSED", "REVERSAL", idempotencyKey);
	}

	/**
	 * The transaction's row is locked first, so a request sent again while the first is still at work waits for
	 * it and then finds its key: it answers the first result instead of a conflict.
	 */
	private CapturedTransaction undo(String reference, String status, String entryKind, String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 64)) {
			throw new ValidationFailedException(new FieldViolation("Idempotency-Key", "INVALID_LENGTH"));
		}
		CapturedTransaction t = jdbc.sql("SELECT * FROM card_transaction WHERE reference = :reference FOR UPDATE")
			.param("reference", reference).query(CaptureService::map).optional().orElse(null);
		if (t == null) {
			throw new ResourceNotFoundException("Transaction");
		}
		if (idempotencyKey != null) {
			var earlier = jdbc.sql("SELECT reference, kind FROM transaction_undo_key WHERE idempotency_key = :key")
				.param("key", idempotencyKey).query().listOfRows();
			if (!earlier.isEmpty()) {
				if (reference.equals(earlier.get(0).get("reference")) && entryKind.equals(earlier.get(0).get("kind"))) {
					return t;
				}
				throw new ValidationFailedException(new FieldViolation("Idempotency-Key", "IDEMPOTENCY_KEY_REUSED"));
			}
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
		if (idempotencyKey != null) {
			jdbc.sql("""
					INSERT INTO transaction_undo_key (idempotency_key, reference, kind, created_at)
					VALUES (:key, :reference, :kind, :now)""")
				.param("key", idempotencyKey).param("reference", reference).param("kind", entryKind)
				.param("now", Timestamps.toDb(clock.instant())).update();
		}
		CapturedTransaction undone = findByReference(reference);
		events.publishEvent(new TransactionUndone(undone));
		return undone;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, CapturedTransaction> byIds(Collection<UUID> ids) {
		Map<UUID, CapturedTransaction> found = new HashMap<>();
		List<UUID> distinct = List.copyOf(new HashSet<>(ids));
		for (int from = 0; from < distinct.size(); from += IN_LIST) {
			jdbc.sql("SELECT * FROM card_transaction WHERE id IN (:ids)")
				.param("ids", distinct.subList(from, Math.min(distinct.size(), from + IN_LIST)))
				.query(CaptureService::map).list().forEach(t -> found.put(t.id(), t));
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public TransactionSearch.Found search(MerchantId merchantId, TransactionSearch search, int offset, int limit) {
		if (search.among() != null && search.among().isEmpty()) {
			return new TransactionSearch.Found(List.of(), 0, Money.ZERO);
		}
		StringBuilder where = new StringBuilder("""
				merchant_id = :merchant AND occurred_at >= :from AND occurred_at < :to""");
		Map<String, Object> params = new HashMap<>();
		params.put("merchant", merchantId.value());
		params.put("from", Timestamps.toDb(search.from().atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant()));
		params.put("to", Timestamps.toDb(search.to().plusDays(1).atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant()));
		if (search.channel() != null) {
			where.append(" AND channel = :channel");
			params.put("channel", search.channel().name());
		}
		if (search.amount() != null) {
			where.append(" AND amount_fen = :amount");
			params.put("amount", search.amount().fen());
		}
		if (search.reference() != null) {
			where.append(" AND reference LIKE :reference ESCAPE '\\'");
			params.put("reference", "%" + search.reference().replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%");
		}
		if (search.terminalSn() != null) {
			where.append(" AND terminal_sn = :terminal");
			params.put("terminal", search.terminalSn());
		}
		if (search.among() != null) {
			where.append(" AND id IN (:among)");
			params.put("among", List.copyOf(search.among()).subList(0, Math.min(search.among().size(), IN_LIST)));
		}
		List<CapturedTransaction> page = jdbc.sql("SELECT * FROM card_transaction WHERE " + where
				+ " ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset")
			.params(params).param("limit", Math.max(1, Math.min(limit, 500))).param("offset", Math.max(0, offset))
			.query(CaptureService::map).list();
		Map<String, Object> totals = jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN status = 'CAPTURED' "
				+ "THEN amount_fen ELSE 0 END), 0) AS total FROM card_transaction WHERE " + where)
			.params(params).query().singleRow();
		return new TransactionSearch.Found(page, ((Number) totals.get("n")).longValue(),
				Money.ofFen(((Number) totals.get("total")).longValue()));
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
	public Map<MerchantId, Money> netCapturedSince(Collection<MerchantId> merchantIds, LocalDate businessDate) {
		Map<MerchantId, Money> net = new HashMap<>();
		merchantIds.forEach(id -> net.put(id, Money.ZERO));
		List<UUID> ids = merchantIds.stream().map(MerchantId::value).toList();
		for (int from = 0; from < ids.size(); from += IN_LIST) {
			jdbc.sql("""
					SELECT merchant_id, SUM(net_fen) FROM card_transaction
					WHERE merchant_id IN (:ids) AND business_date >= :date AND status = 'CAPTURED' GROUP BY merchant_id""")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST))).param("date", businessDate)
				.query((rs, row) -> net.put(new MerchantId(rs.getObject(1, UUID.class)), Money.ofFen(rs.getLong(2))))
				.list();
		}
		return net;
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

	@Override
	@Transactional(readOnly = true)
	public Map<String, Instant> lastSaleByTerminal(MerchantId merchantId, Collection<String> terminalSerials) {
		Map<String, Instant> last = new HashMap<>();
		for (String serial : new HashSet<>(terminalSerials)) {
			jdbc.sql("SELECT MAX(occurred_at) FROM card_transaction WHERE terminal_sn = :sn AND merchant_id = :merchant")
				.param("sn", serial).param("merchant", merchantId.value())
				.query((rs, row) -> Timestamps.fromDb(rs.getObject(1, java.time.OffsetDateTime.class))).list()
				.stream().filter(Objects::nonNull).findFirst().ifPresent(at -> last.put(serial, at));
		}
		return last;
	}

	private Map<String, CapturedTransaction> findByReferences(Collection<String> references) {
		Map<String, CapturedTransaction> found = new HashMap<>();
		List<String> distinct = List.copyOf(new HashSet<>(references));
		for (int from = 0; from < distinct.size(); from += IN_LIST) {
			jdbc.sql("SELECT * FROM card_transaction WHERE reference IN (:references)")
				.param("references", distinct.subList(from, Math.min(distinct.size(), from + IN_LIST)))
				.query(CaptureService::map).list().forEach(t -> found.put(t.reference(), t));
		}
		return found;
	}

	/** Refused captures whose reference names an earlier transaction are that transaction's duplicates. */
	private void answerRefusedDuplicates(List<Capture> captures, BatchOutcome[] outcomes) {
		List<String> refused = new ArrayList<>();
		for (int i = 0; i < captures.size(); i++) {
			if (outcomes[i] != null && outcomes[i].isRejected() && validReference(captures.get(i).reference())) {
				refused.add(captures.get(i).reference());
			}
		}
		if (refused.isEmpty()) {
			return;
		}
		Map<String, CapturedTransaction> known = findByReferences(refused);
		for (int i = 0; i < captures.size(); i++) {
			CapturedTransaction earlier = outcomes[i] != null && outcomes[i].isRejected()
					? known.get(captures.get(i).reference()) : null;
			if (earlier != null) {
				outcomes[i] = new BatchOutcome(new CaptureResult(earlier, true), List.of());
			}
		}
	}

	private static boolean validReference(String reference) {
		return reference != null && !reference.isBlank() && reference.length() <= 64;
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
