package com.settledesk.statement.internal;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.settledesk.shared.StateConflictException;

/**
 * The CJK TrueType font embedded (as a subset) in every PDF: the configured file, else the first of the usual
 * Debian locations (package fonts-wqy-zenhei). Without one, a PDF cannot show Chinese and is refused with a
 * clear answer rather than written with empty boxes.
 */
@Component
class PdfFonts {

	private static final List<String> CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc");

	private final String configured;

	PdfFonts(@Value("${settledesk.pdf.font:}") String configured) {
		this.configured = configured;
	}

	/** The font loaded into the document; the returned source must stay open until the document is saved. */
	Loaded load(PDDocument document) throws IOException {
		File file = fontFile();
		if (file.getName().endsWith(".ttc")) {
			TrueTypeCollection collection = new TrueTypeCollection(file);
			TrueTypeFont[] first = new TrueTypeFont[1];
			collection.processAllFonts(font -> {
				if (first[0] == null) {
					first[0] = font;
				}
			});
			return new Loaded(PDType0Font.load(document, first[0], true), collection);
		}
		return new Loaded(PDType0Font.load(document, file), () -> {
		});
	}

	record Loaded(PDFont font, Closeable source) {
	}

	private File fontFile() {
		return (configured.isBlank() ? CANDIDATES : List.of(configured)).stream().map(File::new).filter(File::canRead)
			.findFirst()
			.orElseThrow(() -> new StateConflictException("PDF_FONT_MISSING",
					"No CJK font for PDFs: install the Debian package fonts-wqy-zenhei or set settledesk.pdf.font"));
	}
}
