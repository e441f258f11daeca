package com.settledesk.cardchange;

import java.util.UUID;

/** A merchant submitted (or resubmitted with a new account) a change request: verify it, tell the phone. */
public record ChangeRequestSubmitted(UUID requestId, UUID merchantId, boolean resubmission) {
}
