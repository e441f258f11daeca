package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class BankResultFileUnitTests {

	private static final String ID1 = "6f1c1f5e-3b1a-4d1e-9a51-0b6c2f3e4d5a";
	private static final String ID2 = "0c9b8a7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";

	@Test
	void a_well_formed_file_hands_on_every_detail_line_and_sums_it() throws IOException {
		List<BankResultFile.Detail> details = new ArrayList<>();
		var summary = BankResultFile.read(stream(file("T|2|15000")), header -> {
		}, details::add, bytes -> {
		});
		assertThat(summary.header().businessDate()).hasToString("2026-11-24");
		assertThat(summary.header().bank()).isEqualTo("SIMBANK");
		assertThat(summary.lines()).isEqualTo(2);
		assertThat(summary.totalFen()).isEqualTo(15000);
		assertThat(summary.sha256()).hasSize(64);
		assertThat(details).extracting(BankResultFile.Detail::payoutId)
			.containsExactly(UUID.fromString(ID1), UUID.fromString(ID2));
		assertThat(details.get(1).status()).isEqualTo("RETURNED");
		assertThat(details.get(1).lineNo()).isEqualTo(3);
	}

	@Test
	void a_file_without_its_trailer_is_truncated() {
		assertThatThrownBy(() -> read(file(null))).isInstanceOfSatisfying(BankResultFile.Corrupt.class,
				e -> assertThat(e.truncated()).isTrue());
	}

	@Test
	void a_trailer_whose_count_or_sum_differs_from_the_lines_means_lines_were_lost() {
		assertThatThrownBy(() -> read(file("T|3|15000"))).isInstanceOfSatisfying(BankResultFile.Corrupt.class,
				e -> assertThat(e.truncated()).isTrue());
		assertThatThrownBy(() -> read(file("T|2|15001"))).isInstanceOfSatisfying(BankResultFile.Corrupt.class,
				e -> assertThat(e.truncated()).isTrue());
	}

	@Test
	void a_malformed_line_is_refused_with_its_number() {
		String bad = file("T|2|15000").replace("|5000|PAID|", "|50.00|PAID|");
		assertThatThrownBy(() -> read(bad)).isInstanceOfSatisfying(BankResultFile.Corrupt.class, e -> {
			assertThat(e.lineNo()).isEqualTo(2);
			assertThat(e.truncated()).isFalse();
		});
		assertThatThrownBy(() -> read(file("T|2|15000").replace("PAID", "MAYBE"))).isInstanceOf(BankResultFile.Corrupt.class);
		assertThatThrownBy(() -> read(file("T|2|15000").replace(ID1, "not-a-uuid"))).isInstanceOf(BankResultFile.Corrupt.class);
		assertThatThrownBy(() -> read(file("T|2|15000").replace("SETTLEDESK-BANK-RESULT", "OTHER")))
			.isInstanceOfSatisfying(BankResultFile.Corrupt.class, e -> assertThat(e.lineNo()).isEqualTo(1));
	}

	@Test
	void text_after_the_trailer_or_bytes_that_are_not_utf8_are_refused() {
		assertThatThrownBy(() -> read(file("T|2|15000") + "D|x\n")).isInstanceOf(BankResultFile.Corrupt.class);
		byte[] latin = file("T|2|15000").replace("SIM0001", "SIM\u00e90001").getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> BankResultFile.read(new ByteArrayInputStream(latin), h -> {
		}, d -> {
		}, b -> {
		})).isInstanceOf(BankResultFile.Corrupt.class);
	}

	@Test
	void an_empty_file_is_truncated() {
		assertThatThrownBy(() -> read("")).isInstanceOfSatisfying(BankResultFile.Corrupt.class,
				e -> assertThat(e.truncated()).isTrue());
	}

	private static void read(String content) throws IOException {
		BankResultFile.read(stream(content), h -> {
		}, d -> {
		}, b -> {
		});
	}

	private static InputStream stream(String content) {
		return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
	}

	private static String file(String trailer) {
		return "H|SETTLEDESK-BANK-RESULT|1|2026-11-24|SIMBANK\n" + "D|" + ID1 + "|fp1|5000|PAID|SIM0001\n" + "D|" + ID2
				+ "|fp2|10000|RETURNED|SIM0002\n" + (trailer == null ? "" : trailer + "\n");
	}
}
