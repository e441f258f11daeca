package com.settledesk.attachment.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.settledesk.attachment.AttachmentContent;
import com.settledesk.attachment.AttachmentKind;
import com.settledesk.attachment.AttachmentView;
import com.settledesk.attachment.Attachments;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;

/** Upload by the merchant owner; download by the owning merchant or an operator. */
@RestController
class AttachmentController {

	private final Attachments attachments;

	AttachmentController(Attachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping("/api/v1/merchant/attachments")
	ResponseEntity<UploadResponse> upload(CurrentUser user, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String kind) throws IOException {
		if (user.role() != Role.MERCHANT_OWNER) {
			throw new AccessDeniedException("Owner only");
		}
		AttachmentKind attachmentKind = parseKind(kind);
		if (file == null) {
			throw new ValidationFailedException(new FieldViolation("file", "REQUIRED"));
		}
		AttachmentView stored = attachments.store(user.requireMerchant(), attachmentKind, file.getBytes(), user.username());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new UploadResponse(stored.id().toString(), stored.kind(), stored.contentType(), stored.size()));
	}

	@GetMapping("/api/v1/merchant/attachments/{id}")
	ResponseEntity<byte[]> merchantDownload(CurrentUser user, @PathVariable UUID id) {
		return serve(attachments.contentFor(user.requireMerchant(), id)
			.orElseThrow(() -> new ResourceNotFoundException("Attachment")));
	}

	@GetMapping("/api/v1/ops/attachments/{id}")
	ResponseEntity<byte[]> operatorDownload(CurrentUser user, @PathVariable UUID id) {
		return serve(attachments.contentForReviewer(id, user.username()).orElseThrow(() -> new ResourceNotFoundException("Attachment")));
	}

	static AttachmentKind parseKind(String kind) {
		try {
			return AttachmentKind.valueOf(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException e) {
			throw new ValidationFailedException(new FieldViolation("kind", kind == null ? "REQUIRED" : "INVALID"));
		}
	}

	static ResponseEntity<byte[]> serve(AttachmentContent content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(content.attachment().kind().name().toLowerCase() + extension(content)).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.body(content.bytes());
	}

	private static String extension(AttachmentContent content) {
		return switch (content.attachment().contentType()) {
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			default -> ".pdf";
		};
	}

	record UploadResponse(String id, AttachmentKind kind, String contentType, long size) {
	}
}
