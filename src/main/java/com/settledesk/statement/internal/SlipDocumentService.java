package com.settledesk.statement.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import com.settledesk.shared.web.DisplayTime;
import com.settledesk.statement.SlipDocuments;
import com.settledesk.statement.StatementFile;
import com.settledesk.terminalhost.SalesSlip;

@Service
class SlipDocumentService implements SlipDocuments {

	private final PdfFonts fonts;
	private final MessageSource messages;
	private final DisplayTime time;

	SlipDocumentService(PdfFonts fonts, MessageSource messages, DisplayTime time) {
		this.fonts = fonts;
		this.messages = messages;
		this.time = time;
	}

	@Override
	public StatementFile pdf(SalesSlip slip, Locale locale) {
		PdfDocument pdf = new PdfDocument(fonts, messages.getMessage("pdf.page", null, locale));
		pdf.title(messages.getMessage("slip.title", null, locale))
			.field(messages.getMessage("statement.merchant", null, locale), slip.merchantName())
			.field(messages.getMessage("statement.merchantNo", null, locale), slip.merchantNo())
			.field(messages.getMessage("slip.terminalId", null, locale), slip.terminalId())
			.field(messages.getMessage("slip.card", null, locale), slip.cardMasked())
			.field(messages.getMessage("slip.entryMode", null, locale),
					messages.getMessage("slip.entryMode." + slip.entryMode(), null, slip.entryMode(), locale))
			.field(messages.getMessage("slip.type", null, locale), messages.getMessage("slip.purchase", null, locale))
			.field(messages.getMessage("slip.amount", null, locale), "¥" + slip.amount().toYuanString())
			.field(messages.getMessage("slip.rrn", null, locale), slip.rrn())
			.field(messages.getMessage("slip.authCode", null, locale), slip.authCode())
			.field(messages.getMessage("slip.batchTrace", null, locale), slip.batchNo() + " / " + slip.stan())
			.field(messages.getMessage("slip.time", null, locale), time.compact(slip.at()));
		if (slip.voided() || slip.reversed()) {
			pdf.gap().field(messages.getMessage("slip.status", null, locale),
					messages.getMessage(slip.voided() ? "slip.voided" : "slip.reversed", null, locale));
		}
		String name = messages.getMessage("slip.file", new Object[] { slip.rrn() }, locale) + ".pdf";
		return new StatementFile(name, "application/pdf", pdf.toBytes());
	}
}
