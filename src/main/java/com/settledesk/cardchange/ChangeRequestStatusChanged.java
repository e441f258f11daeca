package com.settledesk.cardchange;

import java.util.UUID;

/** Every step of a request, for notifications and integrators. */
public record ChangeRequestStatusChanged(UUID requestId, UUID merchantId, ChangeRequestStatus status, String note) {
}
