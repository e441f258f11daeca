package com.settledesk.cardchange;

import java.util.UUID;

public record ChangeRequestCancelled(UUID requestId, UUID merchantId, String by) {
}
