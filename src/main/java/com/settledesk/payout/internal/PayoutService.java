package com.settledesk.payout.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.acquiring.FeePlans;
import com.settledesk.acquiring.Transactions;
import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.ledger.JournalEntry;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.ledger.Posting;
import com.settledesk.merchant.Merchants;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.merchant.SettlementTerms;
import com.settledesk.payout.Balance;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutSettled;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.PayoutsCreated;
import com.settledesk.payout.Payouts;
import com.settledesk.payout.SettlementRun;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.settlementaccount.PayoutDestination;
import com.settledesk.settlementaccount.SettlementAccountChanged;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.TimeOrderedIds;
import com.settledesk.shared.ValidationFailedException;

/**
 * Sweeps balances into payouts and pays them. The sweep reads who is owed from the ledger's maintained
 * balances and works through them in chunks, a statement per table; each merchant's guard row is locked while
 * it is swept, so two sweeps (two instances) pay each fen once. A payout is marked SUBMITTED before the bank is called, so a
 * crash leaves it to be submitted again — the bank is idempotent by payout id. Money that does not arrive
 * (failed, returned) goes back to the merchant's balance, surcharge included, and is paid again by a later
 * sweep to the card active then.
 */
@Service
class PayoutService implements Payouts {

	private static final Logger log = LoggerFactory.getLogger(PayoutService.class);
	private static final int FAILURES_BEFORE_HOLD = 3;

	private final PayoutHoldRepository holds;
	private final Ledger ledger;
	private final Merchants merchants;
	private final SettlementAccounts accounts;
	private final Transactions transactions;
	private final FeePlans feePlans;
	private final BusinessCalendar calendar;
	private final BankChannel bank;
	private final SensitiveDataProtector protector;
	private final PayoutRepository payoutRepository;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final Money minimumPayout;
	private final int sweepChunk;
	private final int sweepWorkers;

	PayoutService(PayoutHoldRepository holds, Ledger ledger, Merchants merchants, SettlementAccounts accounts,
			Transactions transactions, FeePlans feePlans, BusinessCalendar calendar, BankChannel bank,
			SensitiveDataProtector protector, PayoutRepository payoutRepository, AuditLog audit,
			Clock clock, TransactionTemplate tx, ApplicationEventPublisher events,
			@Value("${settledesk.payout.minimum-fen:100}") long minimumFen,
			@Value("${settledesk.payout.sweep-chunk:1000}") int sweepChunk,
			@Value("${settledesk.payout.sweep-workers:4}") int sweepWorkers) {
		this.events = events;
		this.holds = holds;
		this.ledger = ledger;
		this.merchants = merchants;
		this.accounts = accounts;
		this.transactions = transactions;
		this.feePlans = feePlans;
		this.calendar = calendar;
		this.bank = bank;
		this.protector = protector;
		this.payoutRepository = payoutRepository;
		this.audit = audit;
		this.clock = clock;
		this.tx = tx;
		this.minimumPayout = Money.ofFen(minimumFen);
		this.sweepChunk = Math.max(1, sweepChunk);
		this.sweepWorkers = Math.max(1, sweepWorkers);
	}

	@Override
	@Transactional(readOnly = true)
	public Balance balance(MerchantId merchantId) {
		Money available = ledger.balance(LedgerAccount.merchantPayable(merchantId)).negate();
		var hold = holds.reason(merchantId);
		return new Balance(available, pending(merchantId), hold.isPresent(), hold.orElse(null));
	}

	@Override
	@Transactional(readOnly = true)
	public Money pending(MerchantId merchantId) {
		return payoutRepository.pending(merchantId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PayoutView> ofMerchant(MerchantId merchantId, int offset, int limit) {
		return payoutRepository.ofMerchant(merchantId, offset, limit);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PayoutView> byStatus(PayoutStatus status, int limit) {
		return payoutRepository.byStatus(status, limit);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, PayoutView> byIds(Collection<UUID> ids) {
		return payoutRepository.byIds(ids);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<PayoutStatus, Long> countByStatus() {
		return payoutRepository.countByStatus();
	}

	@Override
	@Transactional
	public void retry(UUID payoutId, String by) {
		Payout payout = payoutRepository.lock(payoutId).orElseThrow(() -> new ResourceNotFoundException("Payout"));
		payout.askAgain(clock.instant());
		payoutRepository.save(payout);
		audit.record(AuditEvent.of("PAYOUT_RETRY_REQUESTED", "PAYOUT", payoutId.toString()).by(by));
	}

	@Override
	@Transactional
	public void hold(MerchantId merchantId, String reason, String by) {
		if (reason == null || reason.isBlank()) {
			throw new ValidationFailedException(new FieldViolation("reason", "REQUIRED"));
		}
		if (reason.length() > 300) {
			throw new ValidationFailedException(new FieldViolation("reason", "TOO_LONG"));
		}
		var account = accounts.active(merchantId)
			.orElseThrow(() -> new ResourceNotFoundException("Settlement account"));
		holds.hold(merchantId, account.accountNumberFingerprint(), reason, clock.instant());
		audit.record(AuditEvent.of("PAYOUTS_HELD", "MERCHANT", merchantId.toString()).by(by).after(Map.of("reason", reason)));
	}

	@Override
	@Transactional
	public void release(MerchantId merchantId, String by) {
		boolean released = holds.release(merchantId);
		audit.record(AuditEvent.of("PAYOUTS_RELEASED", "MERCHANT", merchantId.toString()).by(by)
			.after(Map.of("released", released)));
	}

	@Override
	public SettlementRun settle(String mode) {
		SettlementMode settlementMode = SettlementMode.valueOf(mode);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
		boolean workingDay = settlementMode == SettlementMode.D0 || calendar.isWorkingDay(today);
		if (!workingDay) {
			return new SettlementRun(mode, false, 0, 0, Money.ZERO, 0);
		}
		Map<MerchantId, Money> owed = ledger.owedToMerchants(minimumPayout);
		List<SettlementTerms> due = merchants.activeBySettlementMode(settlementMode).stream()
			.filter(terms -> owed.containsKey(terms.id()))
			.sorted(Comparator.comparing(terms -> terms.id().value()))
			.toList();
		List<Supplier<SweepTally>> chunks = new ArrayList<>();
		for (int from = 0; from < due.size(); from += sweepChunk) {
			List<SettlementTerms> chunk = due.subList(from, Math.min(due.size(), from + sweepChunk));
			chunks.add(() -> tx.execute(status -> sweep(chunk, settlementMode, today)));
		}
		SweepTally tally = inParallel(chunks).stream().reduce(SweepTally.NONE, SweepTally::plus);
		return new SettlementRun(mode, true, due.size(), tally.created(), tally.total(), tally.held());
	}

	/**
	 * Sweeps chunks on {@code sweepWorkers} threads, each chunk its own transaction, so the database works on more
	 * than one at a time; the chunks share no merchant. Every chunk is tried; a chunk that failed rolled back alone,
	 * and the first failure is thrown after all have finished.
	 */
	private List<SweepTally> inParallel(List<Supplier<SweepTally>> chunks) {
		ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(sweepWorkers, chunks.size())),
				new CustomizableThreadFactory("sweep-"));
		try {
			List<CompletableFuture<SweepTally>> running = chunks.stream()
				.map(chunk -> CompletableFuture.supplyAsync(chunk, workers))
				.toList();
			try {
				CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
			}
			catch (CompletionException e) {
				throw e.getCause() instanceof RuntimeException cause ? cause : e;
			}
			return running.stream().map(CompletableFuture::join).toList();
		}
		finally {
			workers.shutdown();
		}
	}

	@Override
	public SettlementRun settleOnDemand(String mode, String by) {
		SettlementRun run = settle(mode);
		tx.executeWithoutResult(status -> audit.record(AuditEvent.of("SETTLEMENT_RUN_REQUESTED", "SETTLEMENT_RUN", mode)
			.by(by)
			.after(Map.of("workingDay", run.workingDay(), "merchantsConsidered", run.merchantsConsidered(),
					"payoutsCreated", run.payoutsCreated(), "totalFen", run.total().fen(), "held", run.held()))));
		return run;
	}

	@Scheduled(fixedDelayString = "${settledesk.payout.d0-sweep-interval:60s}",
			initialDelayString = "${settledesk.payout.d0-sweep-interval:60s}")
	void sweepD0() {
		settle(SettlementMode.D0.name());
	}

	@Scheduled(cron = "${settledesk.payout.t1-sweep-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
	void sweepT1() {
		settle(SettlementMode.T1.name());
	}

	private record SweepTally(int created, int held, Money total) {

		static final SweepTally NONE = new SweepTally(0, 0, Money.ZERO);

		SweepTally plus(SweepTally other) {
			return new SweepTally(created + other.created, held + other.held, total.plus(other.total));
		}
	}

	/**
	 * Sweeps a chunk of merchants in one transaction with a statement per table. The chunk's guard rows are
	 * locked first; those another sweep holds are skipped — that sweep is paying them.
	 */
	private SweepTally sweep(List<SettlementTerms> chunk, SettlementMode mode, LocalDate today) {
		List<UUID> ids = chunk.stream().map(terms -> terms.id().value()).toList();
		Set<UUID> locked = holds.lockForSweep(ids);
		Set<UUID> heldIds = holds.heldAmong(ids);
		List<SettlementTerms> sweepable = chunk.stream()
			.filter(terms -> locked.contains(terms.id().value()) && !heldIds.contains(terms.id().value())).toList();
		int held = (int) chunk.stream().filter(terms -> locked.contains(terms.id().value())
				&& heldIds.contains(terms.id().value())).count();
		if (sweepable.isEmpty()) {
			return new SweepTally(0, held, Money.ZERO);
		}
		List<MerchantId> merchantIds = sweepable.stream().map(SettlementTerms::id).toList();
		Map<LedgerAccount, Money> balances = ledger.balances(merchantIds.stream().map(LedgerAccount::merchantPayable).toList());
		Map<MerchantId, Money> notYetDue = mode == SettlementMode.T1 ? transactions.netCapturedSince(merchantIds, today)
				: Map.of();
		Map<MerchantId, PayoutDestination> destinations = accounts.payoutDestinations(merchantIds);
		OffsetDateTime now = Timestamps.toDb(clock.instant());
		List<Object[]> payouts = new ArrayList<>();
		List<UUID> created = new ArrayList<>();
		List<JournalEntry> entries = new ArrayList<>();
		Money total = Money.ZERO;
		for (SettlementTerms terms : sweepable) {
			MerchantId merchantId = terms.id();
			Money due = balances.get(LedgerAccount.merchantPayable(merchantId)).negate()
				.minus(notYetDue.getOrDefault(merchantId, Money.ZERO));
			Money fee = mode == SettlementMode.D0 ? feePlans.plan(terms.feePlan()).d0Surcharge(due) : Money.ZERO;
			Money amount = due.minus(fee);
			PayoutDestination destination = destinations.get(merchantId);
			if (due.compareTo(minimumPayout) < 0 || !amount.isPositive() || destination == null) {
				continue;
			}
			UUID id = TimeOrderedIds.next();
			payouts.add(new Object[] { id, merchantId.value(), mode.name(), due.fen(), fee.fen(), amount.fen(),
					destination.accountId().value(), destination.accountNumberMasked(), destination.accountName(),
					destination.fingerprint(), destination.numberCipher(), now });
			created.add(id);
			entries.add(new JournalEntry("PAYOUT", id.toString(), List.of(
					Posting.debit(LedgerAccount.merchantPayable(merchantId), due),
					Posting.credit(LedgerAccount.PAYOUT_IN_TRANSIT, amount),
					Posting.credit(LedgerAccount.FEE_REVENUE, fee))));
			total = total.plus(amount);
		}
		payoutRepository.insertAll(payouts);
		ledger.postAll(entries);
		for (int from = 0; from < created.size(); from += PayoutsCreated.MAX_IDS) {
			events.publishEvent(new PayoutsCreated(List.copyOf(created.subList(from,
					Math.min(created.size(), from + PayoutsCreated.MAX_IDS)))));
		}
		return new SweepTally(created.size(), held, total);
	}

	/**
	 * Hands due payouts to the bank, one at a time, each claimed with FOR UPDATE SKIP LOCKED. A payout handed over
	 * before without a definite answer — a timeout, or a crash between the call and saving its answer — is first
	 * asked about: the bank's word settles it, and only a bank that never received it gets it again. One run at a
	 * time in this instance: a run asked for ({@link BankRound}) waits for a scheduled one that has claimed payouts
	 * to hand them over, instead of finding them locked and going on to send a file without them.
	 */
	@Scheduled(fixedDelayString = "${settledesk.payout.submit-interval:1s}")
	synchronized void submitDue() {
		for (int i = 0; i < 200; i++) {
			Optional<Claimed> claimed = tx.execute(status -> claim());
			if (claimed == null || claimed.isEmpty()) {
				return;
			}
			Claimed payout = claimed.get();
			BankChannel.Answer answer = payout.firstAttempt() ? submit(payout) : afterUncertainAttempt(payout);
			tx.executeWithoutResult(status -> apply(payout.id(), answer));
		}
	}

	private BankChannel.Answer submit(Claimed payout) {
		return bank.submit(payout.id(), protector.decrypt(EncryptedValue.fromStorage(payout.cipher())), payout.accountName(),
				payout.amountFen());
	}

	private BankChannel.Answer afterUncertainAttempt(Claimed payout) {
		BankChannel.Answer known = bank.inquire(payout.id());
		if (known.outcome() == BankChannel.Outcome.NOT_FOUND) {
			log.info("Payout {} never reached the bank; it is handed over again under the same id", payout.id());
			return submit(payout);
		}
		return known;
	}

	/** Collects returns the bank reports for payouts it had paid; one run at a time, as {@link #submitDue}. */
	@Scheduled(fixedDelayString = "${settledesk.payout.returns-interval:2s}")
	synchronized void collectReturns() {
		for (BankChannel.Return returned : bank.collectReturns()) {
			tx.executeWithoutResult(status -> returned(returned.payoutId(), returned.reason()));
		}
	}

	/** Payouts not yet handed to the bank follow the new card; those already sent stay with the old one. */
	@ApplicationModuleListener
	void on(SettlementAccountChanged event) {
		MerchantId merchantId = new MerchantId(event.merchantId());
		PayoutDestination account = accounts.payoutDestinations(List.of(merchantId)).get(merchantId);
		int repointed = payoutRepository.repoint(merchantId, account);
		boolean lifted = holds.release(merchantId);
		audit.record(AuditEvent.of("PAYOUTS_REPOINTED", "MERCHANT", merchantId.toString()).by("system")
			.after(Map.of("account", account.accountNumberMasked(), "payouts", repointed, "holdLifted", lifted)));
	}

	private record Claimed(UUID id, String cipher, String accountName, long amountFen, boolean firstAttempt) {
	}

	private Optional<Claimed> claim() {
		Instant now = clock.instant();
		return payoutRepository.claimNextDue(now).map(payout -> {
			payout.claim(now, backoff(payout.attempts() + 1));
			payoutRepository.save(payout);
			return new Claimed(payout.id(), payout.destinationCipher(), payout.destinationName(), payout.amount().fen(),
					payout.attempts() == 1);
		});
	}

	/**
	 * The bank's answer to an attempt. An answer the payout's state no longer allows (a late duplicate: it was
	 * settled meanwhile) changes nothing.
	 */
	void apply(UUID id, BankChannel.Answer answer) {
		Payout payout = payoutRepository.lock(id).orElse(null);
		if (payout == null) {
			return;
		}
		switch (answer.outcome()) {
			case PAID -> {
				if (payout.allows(PayoutStatus.PAID)) {
					paid(payout, answer.bankReference());
				}
			}
			case FAILED -> {
				if (payout.allows(PayoutStatus.FAILED)) {
					moneyBack(payout, PayoutStatus.FAILED, answer.reason());
				}
			}
			case PENDING -> log.debug("Payout {} is with the bank, not settled yet; it is asked about again later", id);
			case TIMEOUT, NOT_FOUND -> {
				payout.answerUncertain();
				payoutRepository.save(payout);
				log.info("Payout {} got no definite answer from the bank; it is UNKNOWN until the bank is asked again", id);
			}
		}
	}

	/** A return the bank reports for a payout it had paid; one reported twice changes nothing the second time. */
	void returned(UUID id, String reason) {
		payoutRepository.lock(id).filter(payout -> payout.allows(PayoutStatus.RETURNED))
			.ifPresent(payout -> moneyBack(payout, PayoutStatus.RETURNED, reason));
	}

	/**
	 * Finance takes the bank's word from reconciliation: the payout moves as that answer says, or — when its state
	 * no longer allows that (it was settled meanwhile) — nothing moves and the answer is refused (409).
	 */
	void takeBankAnswer(UUID id, PayoutStatus outcome, String bankReference, String reason) {
		Payout payout = payoutRepository.lock(id).orElseThrow(() -> new ResourceNotFoundException("Payout"));
		if (!payout.allows(outcome)) {
			throw new StateConflictException("BANK_ANSWER_NOT_APPLICABLE",
					"The payout is " + payout.status() + " now; the bank's answer cannot be applied");
		}
		if (outcome == PayoutStatus.PAID) {
			paid(payout, bankReference);
		}
		else {
			moneyBack(payout, outcome, reason);
		}
	}

	private void paid(Payout payout, String bankReference) {
		payout.paid(bankReference, clock.instant());
		payoutRepository.save(payout);
		ledger.post(new JournalEntry("PAYOUT_PAID", payout.id().toString(), List.of(
				Posting.debit(LedgerAccount.PAYOUT_IN_TRANSIT, payout.amount()),
				Posting.credit(LedgerAccount.SETTLEMENT_BANK, payout.amount()))));
		payout.takeEvents().forEach(events::publishEvent);
	}

	/**
	 * A failed or returned payout: its money (surcharge included) goes back to the balance; after repeated failures
	 * to the same card the merchant's payouts are held. The merchant is told by the notification side, which listens
	 * to {@link PayoutSettled}.
	 */
	private void moneyBack(Payout payout, PayoutStatus outcome, String reason) {
		boolean heldNow = payoutRepository.lastOutcomesFailed(payout.destinationFingerprint(), FAILURES_BEFORE_HOLD - 1);
		payout.moneyBack(outcome, reason, clock.instant(), heldNow);
		payoutRepository.save(payout);
		LedgerAccount source = outcome == PayoutStatus.FAILED ? LedgerAccount.PAYOUT_IN_TRANSIT : LedgerAccount.SETTLEMENT_BANK;
		ledger.post(new JournalEntry("PAYOUT_" + outcome.name(), payout.id().toString(), List.of(
				Posting.debit(source, payout.amount()),
				Posting.debit(LedgerAccount.FEE_REVENUE, payout.fee()),
				Posting.credit(LedgerAccount.merchantPayable(payout.merchantId()), payout.gross()))));
		if (heldNow) {
			holds.hold(payout.merchantId(), payout.destinationFingerprint(), String.valueOf(reason), clock.instant());
		}
		payout.takeEvents().forEach(events::publishEvent);
		audit.record(AuditEvent.of("PAYOUT_" + outcome.name(), "PAYOUT", payout.id().toString()).by("system")
			.after(Map.of("destination", payout.destinationMasked(), "amountFen", payout.amount().fen(),
					"reason", String.valueOf(reason), "held", heldNow)));
	}

	/** 5 s, 10 s, 20 s, … at most 10 minutes between asking the bank again. */
	static Duration backoff(int attempts) {
		Duration delay = Duration.ofSeconds(5).multipliedBy(1L << Math.min(attempts - 1, 10));
		return delay.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : delay;
	}
}
