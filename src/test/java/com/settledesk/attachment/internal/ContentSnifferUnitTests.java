package com.settledesk.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentSnifferUnitTests {

	@Test
	void jpeg_png_and_pdf_are_recognised_by_their_first_bytes() {
		assertThat(ContentSniffer.contentType(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.contains("image/jpeg");
		assertThat(ContentSniffer.contentType(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
			.contains("image/png");
		assertThat(ContentSniffer.contentType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
	}

	@Test
	void anything_else_is_refused_whatever_it_claims_to_be() {
		assertThat(ContentSniffer.contentType("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(ContentSniffer.contentType(new byte[] { 'P', 'K', 3, 4 })).isEmpty();
		assertThat(ContentSniffer.contentType(new byte[] { (byte) 0x89, 'P' })).isEmpty();
		assertThat(ContentSniffer.contentType(new byte[0])).isEmpty();
	}
}
