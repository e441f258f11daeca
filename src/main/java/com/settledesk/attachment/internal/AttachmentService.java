package com.settledesk.attachment.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.attachment.AttachmentContent;
import com.settledesk.attachment.AttachmentKind;
import com.settledesk.attachment.AttachmentView;
import com.settledesk.attachment.Attachments;
import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

@Service
class AttachmentService implements Attachments {

	private static final String COLUMNS = "id, merchant_id, kind, content_type, size_bytes, uploaded_at";

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	AttachmentService(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public AttachmentView store(MerchantId merchantId, AttachmentKind kind, byte[] content, String uploadedBy) {
		if (content == null || content.length == 0) {
			throw new ValidationFailedException(new FieldViolation("file", "FILE_EMPTY"));
		}
		if (content.length > MAX_BYTES) {
			throw new ValidationFailedException(new FieldViolation("file", "FILE_TOO_LARGE"));
		}
		String contentType = ContentSniffer.contentType(content)
			.orElseThrow(() -> new ValidationFailedException(new FieldViolation("file", "UNSUPPORTED_FILE_TYPE")));
		ContentInspector.problem(contentType, content).ifPresent(code -> {
			throw new ValidationFailedException(new FieldViolation("file", code));
		});
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO attachment (id, merchant_id, kind, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
				VALUES (:id, :merchant, :kind, :type, :size, :sha, :content, :by, :at)""")
			.param("id", id).param("merchant", merchantId.value()).param("kind", kind.name())
			.param("type", contentType).param("size", content.length).param("sha", sha256(content))
			.param("content", content).param("by", uploadedBy).param("at", Timestamps.toDb(clock.instant()))
			.update();
		audit.record(AuditEvent.of("ATTACHMENT_UPLOADED", "ATTACHMENT", id.toString())
			.after(Map.of("merchantId", merchantId.toString(), "kind", kind.name(), "contentType", contentType,
					"size", content.length)));
		return find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AttachmentView> ownedBy(MerchantId merchantId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE merchant_id = :merchant AND id IN (:ids)")
			.param("merchant", merchantId.value()).param("ids", List.copyOf(ids))
			.query(AttachmentService::view).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AttachmentContent> contentFor(MerchantId merchantId, UUID id) {
		return content(id).filter(c -> c.attachment().merchantId().equals(merchantId));
	}

	@Override
	@Transactional
	public Optional<AttachmentContent> contentForReviewer(UUID id, String reviewer) {
		Optional<AttachmentContent> content = content(id);
		content.ifPresent(c -> audit.record(AuditEvent.of("ATTACHMENT_DOWNLOADED", "ATTACHMENT", id.toString())
			.by(reviewer)
			.after(Map.of("merchantId", c.attachment().merchantId().toString(), "kind", c.attachment().kind().name()))));
		return content;
	}

	private Optional<AttachmentContent> content(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + ", content FROM attachment WHERE id = :id").param("id", id)
			.query((rs, row) -> new AttachmentContent(view(rs, row), rs.getBytes("content")))
			.optional();
	}

	private Optional<AttachmentView> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE id = :id").param("id", id)
			.query(AttachmentService::view).optional();
	}

	private static AttachmentView view(ResultSet rs, int row) throws SQLException {
		return new AttachmentView(rs.getObject("id", UUID.class), new MerchantId(rs.getObject("merchant_id", UUID.class)),
				AttachmentKind.valueOf(rs.getString("kind")), rs.getString("content_type"), rs.getLong("size_bytes"),
				Timestamps.fromDb(rs.getObject("uploaded_at", OffsetDateTime.class)));
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
