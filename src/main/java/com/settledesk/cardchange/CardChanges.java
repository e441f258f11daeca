package com.settledesk.cardchange;

import java.util.List;
import java.util.Optional;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;

/** The merchant side of a settlement card change, for the API and the portal alike. */
public interface CardChanges {

	/** The field checks of the card details alone (the wizard's first step): no materials, no code. */
	List<FieldViolation> checkCardDetails(CurrentUser user, ChangeDraft draft);

	/** Sends the step-up code to the merchant's registered phone (429 if asked again within 60 s). */
	void sendCode(CurrentUser user);

	/**
	 * Submits a change (owner only). With an idempotency key, the same key and body return the first
	 * request again; another body with the same key is a 422 (IDEMPOTENCY_KEY_REUSED).
	 */
	Submission submit(CurrentUser user, ChangeDraft draft, String otp, String clientIp, String idempotencyKey);

	ChangeRequestView cancel(CurrentUser user, ChangeRequestId id);

	ChangeRequestView resubmit(CurrentUser user, ChangeRequestId id, ChangeDraft changes, String otp);

	List<ChangeRequestView> ofMerchant(MerchantId merchantId);

	Optional<ChangeRequestView> find(MerchantId merchantId, ChangeRequestId id);

	Optional<ChangeRequestView> openRequest(MerchantId merchantId);

	/** The outcome of a submission: the request, and whether it was created now or replayed for a key. */
	record Submission(ChangeRequestView request, boolean replayed) {
	}
}
