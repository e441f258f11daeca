package com.settledesk.posapplication;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.MerchantId;

/** Applying for terminals and working the applications (api-v1.md, "Terminals"). */
public interface TerminalApplications {

	/**
	 * The owner applies. With an idempotency key the same request again answers the first application (replayed);
	 * the key with another request is a 422.
	 */
	Submission apply(CurrentUser owner, ApplicationDraft draft, String idempotencyKey);

	List<TerminalApplicationView> ofMerchant(MerchantId merchantId);

	Optional<TerminalApplicationView> find(MerchantId merchantId, UUID id);

	/** The owner answers a request for information with a corrected application. */
	TerminalApplicationView resubmit(CurrentUser owner, UUID id, ApplicationDraft draft);

	TerminalApplicationView cancel(CurrentUser owner, UUID id);

	/** Applications in the given statuses (all when empty), oldest first, for operators. */
	List<TerminalApplicationView> queue(Collection<ApplicationStatus> statuses, int limit);

	Optional<TerminalApplicationView> find(UUID id);

	/** What a reviewer should weigh before approving, in words. */
	List<RiskSignal> riskSignals(UUID id);

	/** Approves: the deposit (or first month's rent) for every terminal is charged through the ledger. */
	TerminalApplicationView approve(CurrentUser reviewer, UUID id, String note);

	TerminalApplicationView reject(CurrentUser reviewer, UUID id, String reason);

	TerminalApplicationView requestInformation(CurrentUser reviewer, UUID id, String message);

	/** Assigns serial numbers from stock (one per terminal), the carrier and tracking number. */
	TerminalApplicationView ship(CurrentUser operator, UUID id, Carrier carrier, String trackingNo,
			List<String> serialNumbers);

	/** Delivery confirmed by hand (the carrier's own confirmation arrives by itself). */
	TerminalApplicationView confirmDelivered(CurrentUser operator, UUID id);

	record Submission(TerminalApplicationView application, boolean replayed) {
	}
}
