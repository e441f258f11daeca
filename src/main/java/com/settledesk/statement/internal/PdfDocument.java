package com.settledesk.statement.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A simple A4 document: a title, label–value lines and a table whose header repeats on every page, with
 * page numbers. Text wider than its column is cut with an ellipsis rather than running into the next one.
 */
final class PdfDocument {

	/** Landscape, so that every column of a statement line is readable on paper. */
	private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
	private static final float MARGIN = 36;
	private static final float LEADING = 13;
	private static final float BODY = 8.5f;

	private final PDDocument document = new PDDocument();
	private final PdfFonts.Loaded loaded;
	private final PDFont font;
	private final String pageLabel;
	private PDPageContentStream content;
	private float y;
	private int pages;
	private List<Column> columns = List.of();

	record Column(String heading, float width, boolean right) {
	}

	PdfDocument(PdfFonts fonts, String pageLabel) {
		try {
			this.loaded = fonts.load(document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.font = loaded.font();
		this.pageLabel = pageLabel;
		newPage();
	}

	PdfDocument title(String text) {
		write(text, MARGIN, 15);
		y -= 10;
		return this;
	}

	PdfDocument field(String label, String value) {
		ensureRoom();
		write(label + "：" + value, MARGIN, 10);
		return this;
	}

	PdfDocument gap() {
		y -= LEADING / 2;
		return this;
	}

	PdfDocument table(List<Column> columns) {
		this.columns = columns;
		gap();
		headings();
		return this;
	}

	/** One table row; a cell too long for its column wraps onto more lines, nothing is cut off. */
	PdfDocument row(List<String> cells) {
		List<List<String>> wrapped = new ArrayList<>(columns.size());
		int lines = 1;
		for (int i = 0; i < columns.size(); i++) {
			List<String> cell = wrap(cells.get(i) == null ? "" : cells.get(i), columns.get(i).width() - 4, BODY);
			wrapped.add(cell);
			lines = Math.max(lines, cell.size());
		}
		if (y - (lines - 1) * LEADING < MARGIN + LEADING) {
			newPage();
			headings();
		}
		float x = MARGIN;
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			float lineY = y;
			for (String text : wrapped.get(i)) {
				text(text, column.right() ? x + column.width() - 4 - width(text, BODY) : x, lineY, BODY);
				lineY -= LEADING;
			}
			x += column.width();
		}
		y -= lines * LEADING;
		return this;
	}

	/** The usable width of a (landscape A4) page, for sizing columns. */
	static float contentWidth() {
		return PAGE.getWidth() - 2 * MARGIN;
	}

	byte[] toBytes() {
		try {
			content.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			document.close();
			loaded.source().close();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void headings() {
		float x = MARGIN;
		for (Column column : columns) {
			String text = fit(column.heading(), column.width() - 4, BODY);
			text(text, column.right() ? x + column.width() - 4 - width(text, BODY) : x, y, BODY);
			x += column.width();
		}
		y -= 4;
		try {
			content.moveTo(MARGIN, y + 1);
			content.lineTo(PAGE.getWidth() - MARGIN, y + 1);
			content.stroke();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		y -= LEADING - 2;
	}

	private void ensureRoom() {
		if (y < MARGIN + LEADING) {
			newPage();
		}
	}

	private void write(String text, float x, float size) {
		text(text, x, y, size);
		y -= size + 5;
	}

	private void newPage() {
		try {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PAGE);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			content.setLineWidth(0.5f);
			pages++;
			y = PAGE.getHeight() - MARGIN;
			String number = pageLabel.formatted(pages);
			text(number, PAGE.getWidth() - MARGIN - width(number, 7), MARGIN / 2, 7);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void text(String text, float x, float at, float size) {
		try {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, at);
			content.showText(text.replaceAll("[\\p{Cntrl}]", " "));
			content.endText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private float width(String text, float size) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String fit(String text, float width, float size) {
		if (width(text, size) <= width) {
			return text;
		}
		String cut = text;
		while (!cut.isEmpty() && width(cut + "…", size) > width) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut + "…";
	}

	/** Breaks text into lines that fit the width: at a space where there is one, else between characters (CJK). */
	private List<String> wrap(String text, float width, float size) {
		List<String> lines = new ArrayList<>();
		String rest = text.replaceAll("[\\p{Cntrl}]", " ").strip();
		while (width(rest, size) > width) {
			int end = 1;
			while (end < rest.length() && width(rest.substring(0, end + 1), size) <= width) {
				end++;
			}
			int space = rest.lastIndexOf(' ', end);
			int cut = space > end / 2 ? space : end;
			lines.add(rest.substring(0, cut).strip());
			rest = rest.substring(cut).strip();
		}
		lines.add(rest);
		return lines;
	}
}
