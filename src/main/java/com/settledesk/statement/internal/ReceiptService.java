package com.settledesk.statement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.web.DisplayTime;
import com.settledesk.statement.LineKind;
import com.settledesk.statement.Receipt;
import com.settledesk.statement.Receipts;
import com.settledesk.statement.StatementFile;

/**
 * Issues receipts: the first request for a fee's receipt gives it the next number (SD + charge date + serial),
 * every later one answers the same receipt; two requests at once still make one (unique per ledger entry).
 */
@Service
class ReceiptService implements Receipts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;
	private final ChargedFees fees;
	private final Merchants merchants;
	private final PdfFonts fonts;
	private final MessageSource messages;
	private final DisplayTime time;
	private final AuditLog audit;
	private final Clock clock;

	ReceiptService(JdbcClient jdbc, ChargedFees fees, Merchants merchants, PdfFonts fonts, MessageSource messages,
			DisplayTime time, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.fees = fees;
		this.merchants = merchants;
		this.fonts = fonts;
		this.messages = messages;
		this.time = time;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Receipt issue(MerchantId merchantId, String entryKind, String entryReference) {
		var fee = fees.find(merchantId, entryKind, entryReference);
		var key = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO receipt (receipt_no, merchant_id, entry_kind, entry_reference, reference, amount_fen, charged_at,
				    issued_at)
				VALUES (:placeholder, :merchant, :kind, :entry, :reference, :amount, :charged, :now) ON CONFLICT DO NOTHING""")
			.param("placeholder", UUID.randomUUID().toString().replace("-", "")).param("merchant", merchantId.value())
			.param("kind", fee.entryKind()).param("entry", fee.entryReference()).param("reference", fee.reference())
			.param("amount", fee.fee().fen()).param("charged", Timestamps.toDb(fee.chargedAt()))
			.param("now", Timestamps.toDb(clock.instant()))
			.update(key, "seq");
		if (inserted == 1) {
			long seq = key.getKeyAs(Number.class).longValue();
			String number = "SD" + LocalDate.ofInstant(fee.chargedAt(), ClockConfiguration.DISPLAY_ZONE).format(DAY)
					+ String.format("%08d", seq);
			jdbc.sql("UPDATE receipt SET receipt_no = :no WHERE seq = :seq").param("no", number).param("seq", seq).update();
			audit.record(AuditEvent.of("RECEIPT_ISSUED", "MERCHANT", merchantId.toString()).by("system")
				.after(Map.of("receipt", number, "amountFen", fee.fee().fen(), "entry", fee.entryKind())));
		}
		return jdbc.sql("SELECT * FROM receipt WHERE entry_kind = :kind AND entry_reference = :entry")
			.param("kind", fee.entryKind()).param("entry", fee.entryReference()).query(ReceiptService::map).single();
	}

	@Override
	@Transactional(readOnly = true)
	public StatementFile pdf(MerchantId merchantId, String number) {
		Receipt receipt = jdbc.sql("SELECT * FROM receipt WHERE receipt_no = :no AND merchant_id = :merchant")
			.param("no", number).param("merchant", merchantId.value()).query(ReceiptService::map).optional()
			.orElseThrow(() -> new ResourceNotFoundException("Receipt"));
		MerchantProfile merchant = merchants.find(merchantId).orElseThrow();
		var locale = merchant.language();
		PdfDocument pdf = new PdfDocument(fonts, messages.getMessage("pdf.page", null, locale));
		pdf.title(messages.getMessage("receipt.title", null, locale))
			.field(messages.getMessage("receipt.number", null, locale), receipt.number())
			.field(messages.getMessage("statement.merchant", null, locale), merchant.name())
			.field(messages.getMessage("statement.merchantNo", null, locale), merchant.merchantNo())
			.field(messages.getMessage("receipt.item", null, locale),
					messages.getMessage("receipt.item." + receipt.feeKind(), null, locale))
			.field(messages.getMessage("receipt.reference", null, locale), receipt.reference())
			.field(messages.getMessage("receipt.amount", null, locale), "¥" + receipt.amount().toYuanString())
			.field(messages.getMessage("receipt.chargedAt", null, locale), time.compact(receipt.chargedAt()))
			.field(messages.getMessage("receipt.issuedAt", null, locale), time.compact(receipt.issuedAt()))
			.gap()
			.field(messages.getMessage("receipt.issuer", null, locale), messages.getMessage("receipt.issuerName", null, locale));
		String name = messages.getMessage("receipt.file", new Object[] { receipt.number() }, locale) + ".pdf";
		return new StatementFile(name, "application/pdf", pdf.toBytes());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Receipt> ofMerchant(MerchantId merchantId, int limit) {
		return jdbc.sql("SELECT * FROM receipt WHERE merchant_id = :merchant ORDER BY issued_at DESC LIMIT :limit")
			.param("merchant", merchantId.value()).param("limit", Math.max(1, Math.min(limit, 500)))
			.query(ReceiptService::map).list();
	}

	private static Receipt map(ResultSet rs, int row) throws SQLException {
		return new Receipt(rs.getString("receipt_no"), new MerchantId(rs.getObject("merchant_id", UUID.class)),
				LineKind.ofEntry(rs.getString("entry_kind")), rs.getString("entry_reference"), rs.getString("reference"),
				Money.ofFen(rs.getLong("amount_fen")), Timestamps.fromDb(rs.getObject("charged_at", OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("issued_at", OffsetDateTime.class)));
	}
}
