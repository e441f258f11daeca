package com.settledesk.terminalhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Iso8583CodecUnitTests {

	@Test
	void a_sign_on_packs_to_the_byte_layout_of_the_profile() {
		IsoMessage signOn = new IsoMessage("0800").set(11, "000001").set(41, "10000001").set(42, "822100058120001")
			.set(60, "000001");
		// MTI 0800 as BCD; bitmap with bits 11, 41, 42, 60; STAN BCD; 41 and 42 ASCII; 60 LLLVAR: 2-byte BCD length 6.
		String expected = "0800" + "0020000000C00010" + "000001" + "3130303030303031"
				+ "383232313030303538313230303031" + "0006" + "303030303031";
		assertThat(HexBytes.hex(Iso8583Codec.pack(signOn))).isEqualTo(expected);
		assertThat(Iso8583Codec.unpack(HexBytes.parse(expected))).isEqualTo(signOn);
	}

	@Test
	void the_pan_is_a_left_justified_llvar_and_odd_numeric_fields_are_padded_on_the_left() {
		IsoMessage purchase = new IsoMessage("0200").set(2, "6222024000123456788").set(3, "000000")
			.set(4, "000000012345").set(22, "051");
		String packed = HexBytes.hex(Iso8583Codec.pack(purchase));
		// 2: length 19 as one BCD byte, 19 digits left-justified with a trailing zero nibble.
		assertThat(packed).startsWith("0200" + "7000040000000000" + "19" + "62220240001234567880" + "000000"
				+ "000000012345" + "0051");
		assertThat(Iso8583Codec.unpack(HexBytes.parse(packed)).text(2)).isEqualTo("6222024000123456788");
		assertThat(Iso8583Codec.unpack(HexBytes.parse(packed)).text(22)).isEqualTo("051");
	}

	@Test
	void a_message_cut_in_the_middle_keeps_what_was_read_and_an_unknown_field_ends_the_parse() {
		byte[] whole = Iso8583Codec.pack(new IsoMessage("0200").set(3, "000000").set(11, "000123").set(41, "10000001")
			.set(42, "822100058120001"));
		byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 5);
		assertThatThrownBy(() -> Iso8583Codec.unpack(cut)).isInstanceOfSatisfying(Iso8583FormatException.class, e -> {
			assertThat(e.partial().mti()).isEqualTo("0200");
			assertThat(e.partial().text(11)).isEqualTo("000123");
			assertThat(e.partial().text(41)).isEqualTo("10000001");
		});
		byte[] unknown = whole.clone();
		unknown[2 + 4] |= 0x01; // bit 40: not in the profile
		assertThatThrownBy(() -> Iso8583Codec.unpack(unknown)).isInstanceOf(Iso8583FormatException.class);
		assertThatThrownBy(() -> Iso8583Codec.unpack(new byte[] { 1, 2, 3 })).isInstanceOf(Iso8583FormatException.class);
	}

	@Test
	void the_message_text_never_shows_the_pan() {
		IsoMessage purchase = new IsoMessage("0200").set(2, "6222024000123456788").set(52, new byte[8]);
		assertThat(purchase.toString()).doesNotContain("6222024000123456788").contains("2=***");
	}
}
