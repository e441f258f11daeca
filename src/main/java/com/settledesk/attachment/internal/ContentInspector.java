package com.settledesk.attachment.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A file that looks like a JPEG, PNG or PDF by its first bytes must also be one: an image must decode, within
 * sane dimensions (a decompression bomb declares enormous ones), and a PDF must parse and have pages. The
 * image is decoded subsampled to about 256 px, so checking it whole costs little memory whatever it declares.
 */
final class ContentInspector {

	static final int MAX_SIDE = 10_000;
	static final long MAX_PIXELS = 50_000_000L;
	static final int MAX_PDF_PAGES = 200;
	private static final int PROBE_SIDE = 256;

	private ContentInspector() {
	}

	/** Nothing when the content is what its type says; otherwise the field error code. */
	static Optional<String> problem(String contentType, byte[] content) {
		try {
			return "application/pdf".equals(contentType) ? pdfProblem(content) : imageProblem(content);
		}
		catch (IOException | RuntimeException unreadable) {
			return Optional.of("UNREADABLE_FILE");
		}
	}

	private static Optional<String> imageProblem(byte[] content) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Optional.of("UNREADABLE_FILE");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE
						|| (long) width * height > MAX_PIXELS) {
					return Optional.of("IMAGE_TOO_LARGE");
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / PROBE_SIDE);
				param.setSourceSubsampling(step, step, 0, 0);
				reader.read(0, param);
				return Optional.empty();
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static Optional<String> pdfProblem(byte[] content) throws IOException {
		try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
			int pages = document.getNumberOfPages();
			return pages < 1 || pages > MAX_PDF_PAGES ? Optional.of("UNREADABLE_FILE") : Optional.empty();
		}
	}
}
