package com.settledesk.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

public interface Attachments {

	long MAX_BYTES = 5L * 1024 * 1024;

	/** Stores an upload; a type other than JPEG/PNG/PDF by content, an empty or too large file is a 422. */
	AttachmentView store(MerchantId merchantId, AttachmentKind kind, byte[] content, String uploadedBy);

	/** The merchant's own attachments among the ids; ids of others or unknown ids are left out. */
	List<AttachmentView> ownedBy(MerchantId merchantId, Collection<UUID> ids);

	/** For the owning merchant only: another merchant's attachment is "not found". */
	Optional<AttachmentContent> contentFor(MerchantId merchantId, UUID id);

	/** For operators who review materials: every download is recorded in the audit log with who and when. */
	Optional<AttachmentContent> contentForReviewer(UUID id, String reviewer);
}
