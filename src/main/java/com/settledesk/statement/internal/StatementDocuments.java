package com.settledesk.statement.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.settledesk.merchant.MerchantProfile;
import com.settledesk.shared.CsvCells;
import com.settledesk.shared.Money;
import com.settledesk.shared.web.DisplayTime;
import com.settledesk.statement.StatementFile;
import com.settledesk.statement.StatementFormat;
import com.settledesk.statement.StatementHeader;
import com.settledesk.statement.StatementLine;
import com.settledesk.statement.StatementTotals;

/**
 * Writes statements as files in the merchant's language: CSV (UTF-8 with a byte-order mark; text cells that
 * a spreadsheet would run as a formula are quoted with a leading apostrophe) and PDF.
 */
@Component
class StatementDocuments {

	private final MessageSource messages;
	private final PdfFonts fonts;
	private final DisplayTime time;

	StatementDocuments(MessageSource messages, PdfFonts fonts, DisplayTime time) {
		this.messages = messages;
		this.fonts = fonts;
		this.time = time;
	}

	/** A sink that becomes a file. */
	interface DocumentSink extends StatementSink {

		StatementFile toFile(String fileName);
	}

	DocumentSink open(StatementFormat format, MerchantProfile merchant) {
		Labels labels = new Labels(merchant.language());
		return format == StatementFormat.CSV ? new Csv(labels) : new Pdf(labels);
	}

	String fileName(MerchantProfile merchant, String period, StatementFormat format) {
		return new Labels(merchant.language()).get("statement.file", merchant.merchantNo(), period) + "."
				+ format.extension();
	}

	private final class Labels {

		private final Locale locale;

		Labels(Locale locale) {
			this.locale = locale;
		}

		String get(String key, Object... args) {
			return messages.getMessage(key, args, locale);
		}

		List<String> headings() {
			return List.of(get("statement.col.time"), get("statement.col.kind"), get("statement.col.reference"),
					get("statement.col.amount"), get("statement.col.fee"), get("statement.col.effect"),
					get("statement.col.balance"), get("statement.col.note"));
		}

		List<String> cells(StatementLine line) {
			return List.of(time.compact(line.at()), get("statement.kind." + line.kind()), line.reference(),
					line.amount().toYuanString(), line.fee().toYuanString(), line.effect().toYuanString(),
					line.balanceAfter().toYuanString(), note(line));
		}

		String note(StatementLine line) {
			if (line.destinationMasked() != null) {
				return line.destinationMasked() + " " + get("payout.status." + line.status());
			}
			return line.status() == null ? "" : get("channel." + line.status());
		}

		String period(StatementHeader header) {
			return header.singleDay() ? header.firstDay().toString() : header.firstDay() + " ~ " + header.lastDay();
		}

		List<String[]> summary(StatementTotals totals, Money closing) {
			return List.of(new String[] { get("statement.total.lines"), String.valueOf(totals.lines()) },
					new String[] { get("statement.total.takings"), totals.takings().toYuanString() },
					new String[] { get("statement.total.refunds"), totals.refunds().toYuanString() },
					new String[] { get("statement.total.fees"), totals.fees().toYuanString() },
					new String[] { get("statement.total.payouts"), totals.payouts().toYuanString() },
					new String[] { get("statement.total.moneyBack"), totals.moneyBack().toYuanString() },
					new String[] { get("statement.closing"), closing.toYuanString() });
		}
	}

	private static final class Csv implements DocumentSink {

		private final Labels labels;
		private final StringBuilder out = new StringBuilder("\uFEFF");

		Csv(Labels labels) {
			this.labels = labels;
		}

		@Override
		public void start(StatementHeader header) {
			row(List.of(labels.get("statement.title")));
			row(List.of(labels.get("statement.merchant"), header.merchantName()));
			row(List.of(labels.get("statement.merchantNo"), header.merchantNo()));
			row(List.of(labels.get("statement.period"), labels.period(header)));
			row(List.of(labels.get("statement.opening"), header.opening().toYuanString()));
			row(labels.headings());
		}

		@Override
		public void line(StatementLine line) {
			row(labels.cells(line));
		}

		@Override
		public void finish(StatementTotals totals, Money closing) {
			for (String[] total : labels.summary(totals, closing)) {
				row(List.of(total));
			}
		}

		@Override
		public StatementFile toFile(String fileName) {
			return new StatementFile(fileName, StatementFormat.CSV.contentType(),
					out.toString().getBytes(StandardCharsets.UTF_8));
		}

		private void row(List<String> cells) {
			out.append(CsvCells.row(cells));
		}
	}

	private final class Pdf implements DocumentSink {

		private final Labels labels;
		private final PdfDocument pdf;

		Pdf(Labels labels) {
			this.labels = labels;
			this.pdf = new PdfDocument(fonts, labels.get("pdf.page"));
		}

		@Override
		public void start(StatementHeader header) {
			List<String> headings = labels.headings();
			pdf.title(labels.get("statement.title"))
				.field(labels.get("statement.merchant"), header.merchantName())
				.field(labels.get("statement.merchantNo"), header.merchantNo())
				.field(labels.get("statement.period"), labels.period(header))
				.field(labels.get("statement.opening"), "¥" + header.opening().toYuanString())
				.table(List.of(new PdfDocument.Column(headings.get(0), 82, false),
						new PdfDocument.Column(headings.get(1), 64, false),
						new PdfDocument.Column(headings.get(2), 168, false),
						new PdfDocument.Column(headings.get(3), 66, true), new PdfDocument.Column(headings.get(4), 54, true),
						new PdfDocument.Column(headings.get(5), 66, true), new PdfDocument.Column(headings.get(6), 74, true),
						new PdfDocument.Column(headings.get(7), PdfDocument.contentWidth() - 574, false)));
		}

		@Override
		public void line(StatementLine line) {
			pdf.row(labels.cells(line));
		}

		@Override
		public void finish(StatementTotals totals, Money closing) {
			pdf.gap();
			for (String[] total : labels.summary(totals, closing)) {
				pdf.field(total[0], total[1]);
			}
		}

		@Override
		public StatementFile toFile(String fileName) {
			return new StatementFile(fileName, StatementFormat.PDF.contentType(), pdf.toBytes());
		}
	}
}
