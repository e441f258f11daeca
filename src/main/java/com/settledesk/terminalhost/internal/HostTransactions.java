package com.settledesk.terminalhost.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.Transactions;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.settlementaccount.BankCardNumbers;
import com.settledesk.settlementaccount.CardBinLookup;
import com.settledesk.settlementaccount.CardType;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.terminalhost.internal.HostRecords.Answered;
import com.settledesk.terminalhost.internal.HostRecords.Kind;
import com.settledesk.terminalhost.internal.HostRecords.NewAnswer;
import com.settledesk.terminalhost.internal.HostRecords.StanKey;
import com.settledesk.terminalhost.internal.TerminalHostService.HostRequest;

/**
 * What a MAC-checked request does, in the caller's transaction: a purchase is captured through the same capture
 * service as the gateway's (reference TID-batch-STAN, card kind from the BIN table, channel from the entry mode);
 * a void and a reversal undo it through the acquiring API; a settlement compares totals and closes the batch.
 * Every answer is stored with the request's hash, so a retransmission gets it again.
 */
@Component
class HostTransactions {

	private final Transactions transactions;
	private final CardBinLookup bins;
	private final SensitiveDataProtector protector;
	private final HostRecords records;
	private final SecureRandom random = new SecureRandom();
	private final RetrievalReferenceNumbers rrns;
	private final PipelinedWrites writes;

	HostTransactions(Transactions transactions, CardBinLookup bins, SensitiveDataProtector protector, HostRecords records,
			PipelinedWrites writes) {
		this.transactions = transactions;
		this.writes = writes;
		this.bins = bins;
		this.protector = protector;
		this.records = records;
		this.rrns = new RetrievalReferenceNumbers(records::nextRrnBlock, HostRecords.RRN_BLOCK);
	}

	byte[] purchase(HostRequest host, MerchantProfile merchant) {
		IsoMessage request = host.request();
		if (!has(request, 2, 4, 22, 25, 49)) {
			return host.answer(ResponseCode.FORMAT_ERROR);
		}
		if (records.answered(host.tid(), host.batch(), host.stan(), "0400").isPresent()) {
			// Reversed before it arrived: the late original is declined.
			return store(host, merchant, Kind.PURCHASE, host.answer(ResponseCode.DUPLICATE), ResponseCode.DUPLICATE,
					null, null, null);
		}
		String pan = request.text(2);
		String channel = channelOf(request.text(22));
		long amount = Long.parseLong(request.text(4));
		ResponseCode refused = !"156".equals(request.text(49)) || channel == null ? ResponseCode.INVALID_TRANSACTION
				: amount <= 0 ? ResponseCode.INVALID_AMOUNT
				: pan.length() < 13 || !BankCardNumbers.luhnValid(pan) ? ResponseCode.INVALID_CARD_NUMBER : null;
		if (refused != null) {
			return store(host, merchant, Kind.PURCHASE, host.answer(refused), refused, null, amount, pan);
		}
		String reference = host.tid() + "-" + host.batch() + "-" + host.stan();
		Transactions.BatchOutcome outcome = transactions.captureAll(List.of(new Capture(reference, merchant.merchantNo(),
				host.terminal().serialNo(), channel, cardKindOf(pan), amount, host.at()))).get(0);
		if (outcome.isRejected()) {
			ResponseCode code = codeFor(outcome.violations());
			return store(host, merchant, Kind.PURCHASE, host.answer(code), code, null, amount, pan);
		}
		CapturedTransaction captured = outcome.result().transaction();
		String rrn = newRrn(host);
		String authCode = RetrievalReferenceNumbers.digits(random.nextInt(1_000_000), 6);
		IsoMessage answer = new IsoMessage("0210").set(37, rrn).set(38, authCode);
		byte[] packed = host.answer(ResponseCode.APPROVED, answer);
		records.insert(new NewAnswer(host.tid(), host.batch(), host.stan(), "0200", Kind.PURCHASE, host.requestHash(),
				HexBytes.hex(packed), ResponseCode.APPROVED.code, rrn, authCode, amount, Masking.maskAccountNumber(pan),
				protector.encrypt(pan).toStorage(), request.text(22), null, captured.id(), reference, merchant.id(), host.at()));
		return packed;
	}

	/** A purchase that passed every check made before its capture, with its approved answer built in advance. */
	record PurchasePlan(HostRequest host, MerchantProfile merchant, Capture capture, NewAnswer approved,
			byte[] approvedAnswer) {
	}

	/**
	 * Plans a purchase for the group commit when it needs nothing but its capture; empty when it is declined
	 * before (the one-by-one path answers and stores those).
	 */
	Optional<PurchasePlan> plan(HostRequest host, MerchantProfile merchant) {
		IsoMessage request = host.request();
		if (!has(request, 2, 4, 22, 25, 49) || !"156".equals(request.text(49)) || channelOf(request.text(22)) == null) {
			return Optional.empty();
		}
		String pan = request.text(2);
		long amount = Long.parseLong(request.text(4));
		if (amount <= 0 || pan.length() < 13 || !BankCardNumbers.luhnValid(pan)) {
			return Optional.empty();
		}
		String reference = host.tid() + "-" + host.batch() + "-" + host.stan();
		String rrn = newRrn(host);
		String authCode = RetrievalReferenceNumbers.digits(random.nextInt(1_000_000), 6);
		byte[] packed = host.answer(ResponseCode.APPROVED, new IsoMessage("0210").set(37, rrn).set(38, authCode));
		NewAnswer approved = new NewAnswer(host.tid(), host.batch(), host.stan(), "0200", Kind.PURCHASE,
				host.requestHash(), HexBytes.hex(packed), ResponseCode.APPROVED.code, rrn, authCode, amount,
				Masking.maskAccountNumber(pan), protector.encrypt(pan).toStorage(), request.text(22), null, null, reference,
				merchant.id(), host.at());
		return Optional.of(new PurchasePlan(host, merchant, new Capture(reference, merchant.merchantNo(),
				host.terminal().serialNo(), channelOf(request.text(22)), cardKindOf(pan), amount, host.at()), approved, packed));
	}

	/**
	 * Captures planned purchases in the caller's one transaction: one read for whether each is new to an open batch,
	 * one capture of those that are, then their answers stored, a decline for a purchase the capture refuses. A
	 * purchase that is not new is left out (empty) to be answered on its own. The read goes out with the capture's
	 * reads of merchants and terminals, in one round trip; the inserts of the capture and of the answers in another.
	 */
	List<Optional<byte[]>> captureAll(List<PurchasePlan> plans) {
		return writes.together(() -> captureAllHeld(plans));
	}

	private List<Optional<byte[]>> captureAllHeld(List<PurchasePlan> plans) {
		Supplier<Set<StanKey>> fresh = records.freshPurchasesLater(plans.stream().map(HostTransactions::stanOf).toList());
		Map<Capture, PurchasePlan> planOf = new IdentityHashMap<>();
		plans.forEach(plan -> planOf.put(plan.capture(), plan));
		List<Optional<Transactions.BatchOutcome>> outcomes = transactions.captureAllNew(
				plans.stream().map(PurchasePlan::capture).toList(),
				capture -> fresh.get().contains(stanOf(planOf.get(capture))));
		Map<PurchasePlan, byte[]> answers = new IdentityHashMap<>();
		List<NewAnswer> stored = new ArrayList<>();
		for (int i = 0; i < plans.size(); i++) {
			PurchasePlan plan = plans.get(i);
			if (outcomes.get(i).isEmpty()) {
				continue;
			}
			Transactions.BatchOutcome outcome = outcomes.get(i).get();
			if (outcome.isRejected()) {
				ResponseCode code = codeFor(outcome.violations());
				byte[] declined = plan.host().answer(code);
				stored.add(plan.approved().declined(HexBytes.hex(declined), code.code));
				answers.put(plan, declined);
			}
			else {
				stored.add(plan.approved().capturedAs(outcome.result().transaction().id()));
				answers.put(plan, plan.approvedAnswer());
			}
		}
		if (!stored.isEmpty()) {
			records.insertAll(stored);
		}
		return plans.stream().map(plan -> Optional.ofNullable(answers.get(plan))).toList();
	}

	private static StanKey stanOf(PurchasePlan plan) {
		return new StanKey(plan.host().tid(), plan.host().batch(), plan.host().stan());
	}

	byte[] voidPurchase(HostRequest host, MerchantProfile merchant) {
		IsoMessage request = host.request();
		if (!has(request, 2, 4, 22, 25, 37, 49)) {
			return host.answer(ResponseCode.FORMAT_ERROR);
		}
		long amount = Long.parseLong(request.text(4));
		Optional<Answered> found = records.lockByRrn(host.tid(), host.batch(), request.text(37).strip());
		if (found.isEmpty() || found.get().kind() != Kind.PURCHASE || !found.get().approved()) {
			return store(host, merchant, Kind.VOID, host.answer(ResponseCode.ORIGINAL_NOT_FOUND),
					ResponseCode.ORIGINAL_NOT_FOUND, null, amount, null);
		}
		Answered original = found.get();
		ResponseCode refused = original.voided() || original.reversed() ? ResponseCode.INVALID_TRANSACTION
				: original.amountFen() != amount ? ResponseCode.INVALID_AMOUNT : null;
		if (refused != null) {
			return store(host, merchant, Kind.VOID, host.answer(refused), refused, null, amount, null);
		}
		transactions.reverse(original.reference(), "host-void:" + host.tid() + ":" + host.batch() + ":" + host.stan());
		records.markVoided(original.id(), true);
		String rrn = newRrn(host);
		String authCode = RetrievalReferenceNumbers.digits(random.nextInt(1_000_000), 6);
		byte[] packed = host.answer(ResponseCode.APPROVED, new IsoMessage("0210").set(37, rrn).set(38, authCode));
		records.insert(new NewAnswer(host.tid(), host.batch(), host.stan(), "0200", Kind.VOID, host.requestHash(),
				HexBytes.hex(packed), ResponseCode.APPROVED.code, rrn, authCode, amount, null, null, request.text(22),
				original.rrn(), original.transactionId(), original.reference(), merchant.id(), host.at()));
		return packed;
	}

	/**
	 * Undoes the request with this STAN: an approved purchase's money leaves the balance (fee included), an approved
	 * void is undone by capturing the purchase again. Always 00 when the MAC was right; an original not seen yet is
	 * recorded so that it is declined when it arrives.
	 */
	byte[] reverse(HostRequest host, MerchantProfile merchant) {
		Optional<Answered> original = records.lock(host.tid(), host.batch(), host.stan(), "0200");
		if (original.isPresent() && original.get().approved() && !original.get().reversed()) {
			Answered o = original.get();
			String key = "host-reversal:" + host.tid() + ":" + host.batch() + ":" + host.stan();
			if (o.kind() == Kind.PURCHASE && !o.voided()) {
				transactions.reverse(o.reference(), key);
			}
			else if (o.kind() == Kind.VOID) {
				records.lockByRrn(host.tid(), host.batch(), o.originalRrn()).ifPresent(purchase -> {
					String reinstated = purchase.reference() + "-R" + host.stan();
					var captured = transactions.captureAll(List.of(new Capture(reinstated, merchant.merchantNo(),
							host.terminal().serialNo(), channelOf(entryModeOf(purchase)), cardKindOfStored(purchase),
							purchase.amountFen(), host.at()))).get(0);
					if (!captured.isRejected()) {
						records.reinstate(purchase.id(), captured.result().transaction().id(), reinstated);
					}
				});
			}
			records.markReversed(o.id());
		}
		byte[] packed = host.answer(ResponseCode.APPROVED);
		records.insert(new NewAnswer(host.tid(), host.batch(), host.stan(), "0400", Kind.REVERSAL, host.requestHash(),
				HexBytes.hex(packed), ResponseCode.APPROVED.code, null, null, amountOf(host.request()), null, null,
				host.request().text(22), null, original.map(Answered::transactionId).orElse(null),
				original.map(Answered::reference).orElse(null), merchant.id(), host.at()));
		return packed;
	}

	byte[] settle(HostRequest host, MerchantProfile merchant) {
		String terminalTotals = host.request().text(48);
		if (terminalTotals == null || !terminalTotals.matches("\\d{30}")) {
			return host.answer(ResponseCode.FORMAT_ERROR);
		}
		HostRecords.Totals totals = records.totals(host.tid(), host.batch());
		ResponseCode code = totals.field48().equals(terminalTotals) ? ResponseCode.APPROVED : ResponseCode.TOTALS_DIFFER;
		if (!records.close(host.tid(), host.batch(), code.code, terminalTotals, totals.field48(), host.at())) {
			return host.answer(ResponseCode.SIGN_ON_FIRST);
		}
		byte[] packed = host.answer(code, new IsoMessage("0510").set(48, totals.field48()));
		records.insert(new NewAnswer(host.tid(), host.batch(), host.stan(), "0500", Kind.SETTLEMENT, host.requestHash(),
				HexBytes.hex(packed), code.code, null, null, null, null, null, null, null, null, null, merchant.id(),
				host.at()));
		return packed;
	}

	/** Stores a declined request's answer so that its retransmission gets the same one. */
	private byte[] store(HostRequest host, MerchantProfile merchant, Kind kind, byte[] packed, ResponseCode code,
			String rrn, Long amount, String pan) {
		records.insert(new NewAnswer(host.tid(), host.batch(), host.stan(), host.request().mti(), kind, host.requestHash(),
				HexBytes.hex(packed), code.code, rrn, null, amount, pan == null ? null : Masking.maskAccountNumber(pan),
				null, host.request().text(22), null, null, null, merchant.id(), host.at()));
		return packed;
	}

	private String newRrn(HostRequest host) {
		return rrns.next(host.at());
	}

	private static Long amountOf(IsoMessage request) {
		String amount = request.text(4);
		return amount == null ? null : Long.parseLong(amount);
	}

	private String entryModeOf(Answered purchase) {
		return records.entryMode(purchase.id());
	}

	private String cardKindOfStored(Answered purchase) {
		return records.panCipher(purchase.id()).map(cipher -> cardKindOf(protector.decrypt(
				EncryptedValue.fromStorage(cipher)))).orElse("DEBIT");
	}

	/** Debit or credit from the BIN table; a card it does not know is taken as debit. */
	private String cardKindOf(String pan) {
		return bins.lookup(pan).map(bin -> bin.cardType() == CardType.CREDIT || bin.cardType() == CardType.SEMI_CREDIT
				? "CREDIT" : "DEBIT").orElse("DEBIT");
	}

	static String channelOf(String entryMode) {
		if (entryMode == null) {
			return null;
		}
		return switch (entryMode) {
			case "021" -> "CARD_SWIPE";
			case "051" -> "CARD_CHIP";
			case "071" -> "CARD_CONTACTLESS";
			default -> null;
		};
	}

	private static ResponseCode codeFor(List<FieldViolation> violations) {
		for (FieldViolation v : violations) {
			switch (v.code()) {
				case "OVER_LIMIT" -> {
					return ResponseCode.OVER_LIMIT;
				}
				case "TERMINAL_NOT_ACTIVE", "TERMINAL_NOT_OF_MERCHANT", "CHANNEL_NOT_ACCEPTED_BY_TERMINAL" -> {
					return ResponseCode.NOT_PERMITTED;
				}
				case "UNKNOWN_MERCHANT", "MERCHANT_NOT_ACTIVE" -> {
					return ResponseCode.INVALID_MERCHANT;
				}
				case "MUST_BE_POSITIVE" -> {
					return ResponseCode.INVALID_AMOUNT;
				}
				default -> {
				}
			}
		}
		return ResponseCode.SYSTEM_MALFUNCTION;
	}

	private static boolean has(IsoMessage message, int... fields) {
		for (int field : fields) {
			if (!message.has(field)) {
				return false;
			}
		}
		return true;
	}
}
