package com.settledesk.attachment;

import java.time.Instant;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

public record AttachmentView(UUID id, MerchantId merchantId, AttachmentKind kind, String contentType, long size,
		Instant uploadedAt) {
}
