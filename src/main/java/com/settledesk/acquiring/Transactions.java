package com.settledesk.acquiring;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

public interface Transactions {

	/**
	 * Captures a transaction; the same reference again answers the first result and posts nothing. Captures sent at
	 * the same moment are committed together, each answered after that commit as if they had come one by one.
	 */
	CaptureResult capture(Capture capture);

	/**
	 * Captures a gateway's batch in one database transaction, a statement per table rather than per item, and
	 * answers each item on its own: created, duplicate (of an earlier capture or of an item before it in the
	 * batch) or rejected with its field codes.
	 */
	List<BatchOutcome> captureAll(List<Capture> captures);

	/**
	 * As {@link #captureAll}, in the caller's transaction, for a caller that checks its references are new (the
	 * terminal host, by its STANs): they are not looked up first, so a reference taken after all — by another
	 * channel — fails the caller's transaction with a {@code DuplicateKeyException} for the caller to answer.
	 * {@code stillNew} is asked once the capture's own reads wait to be sent, so a read of the caller's own that
	 * waits too ({@link com.settledesk.shared.PipelinedWrites#later}) goes in the same round trip; a capture it
	 * refuses is left out (empty).
	 */
	List<Optional<BatchOutcome>> captureAllNew(List<Capture> captures, Predicate<Capture> stillNew);

	/**
	 * Refunds a captured transaction in full: its posting is reversed, fee included. With an idempotency key the
	 * same key again answers the first refund (never a conflict for a refund that succeeded); the key reused for
	 * another transaction or the other undo is a 422. Without a key, undoing twice is a conflict.
	 */
	CapturedTransaction refund(String reference, String idempotencyKey);

	/** Reverses a captured transaction (冲正: the gateway cancels it, e.g. after a timeout); posted as its own entry. */
	CapturedTransaction reverse(String reference, String idempotencyKey);

	/** Many transactions by id in one read; unknown ids are absent from the map. */
	Map<UUID, CapturedTransaction> byIds(Collection<UUID> ids);

	List<CapturedTransaction> ofMerchant(MerchantId merchantId, LocalDate from, LocalDate to, int limit);

	/**
	 * The merchant's transactions matching the search, latest sale first, at most {@code limit} of them; the count
	 * and the total of those still captured (not refunded or reversed) cover every match.
	 */
	default TransactionSearch.Found search(MerchantId merchantId, TransactionSearch search, int limit) {
		return search(merchantId, search, 0, limit);
	}

	/** The same, a page further on: the matches after the first {@code offset} of them. */
	TransactionSearch.Found search(MerchantId merchantId, TransactionSearch search, int offset, int limit);

	/** Net amounts captured on or after the business date (for T1: not yet due), per merchant, zero where none. */
	Map<MerchantId, Money> netCapturedSince(Collection<MerchantId> merchantIds, LocalDate businessDate);

	/** Gross takings per business day. */
	Map<LocalDate, Money> takingsByDay(MerchantId merchantId, LocalDate from, LocalDate to);

	/** The time of the last sale of each of the merchant's terminals that made one. */
	Map<String, java.time.Instant> lastSaleByTerminal(MerchantId merchantId, Collection<String> terminalSerials);

	record CaptureResult(CapturedTransaction transaction, boolean duplicate) {
	}

	/** One item of a batch: its result, or the reasons it was rejected. */
	record BatchOutcome(CaptureResult result, List<FieldViolation> violations) {

		public BatchOutcome {
			violations = List.copyOf(violations);
		}

		public boolean isRejected() {
			return result == null;
		}
	}
}
