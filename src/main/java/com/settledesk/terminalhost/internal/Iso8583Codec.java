package com.settledesk.terminalhost.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Packs and unpacks the profile's ISO 8583:1987 binary encoding (iso8583.md, as jPOS's ISO87BPackager): MTI as
 * 2 bytes BCD, a primary bitmap of 8 bytes, numeric fields BCD right-justified (left zero nibble when odd), field
 * 2 as LLVAR BCD (1-byte BCD digit count, digits left-justified, right zero nibble when odd), fixed text ASCII,
 * LLLVAR text with a 2-byte BCD byte count, binary raw. A field the profile does not know cannot be skipped, so
 * it ends the parse.
 */
final class Iso8583Codec {

	enum Kind {
		NUMERIC, LLVAR_NUMERIC, TEXT, LLLVAR_TEXT, BINARY
	}

	record FieldSpec(Kind kind, int length) {
	}

	static final Map<Integer, FieldSpec> PROFILE = Map.ofEntries(
			Map.entry(2, new FieldSpec(Kind.LLVAR_NUMERIC, 19)),
			Map.entry(3, new FieldSpec(Kind.NUMERIC, 6)),
			Map.entry(4, new FieldSpec(Kind.NUMERIC, 12)),
			Map.entry(11, new FieldSpec(Kind.NUMERIC, 6)),
			Map.entry(12, new FieldSpec(Kind.NUMERIC, 6)),
			Map.entry(13, new FieldSpec(Kind.NUMERIC, 4)),
			Map.entry(14, new FieldSpec(Kind.NUMERIC, 4)),
			Map.entry(22, new FieldSpec(Kind.NUMERIC, 3)),
			Map.entry(25, new FieldSpec(Kind.NUMERIC, 2)),
			Map.entry(37, new FieldSpec(Kind.TEXT, 12)),
			Map.entry(38, new FieldSpec(Kind.TEXT, 6)),
			Map.entry(39, new FieldSpec(Kind.TEXT, 2)),
			Map.entry(41, new FieldSpec(Kind.TEXT, 8)),
			Map.entry(42, new FieldSpec(Kind.TEXT, 15)),
			Map.entry(48, new FieldSpec(Kind.LLLVAR_TEXT, 999)),
			Map.entry(49, new FieldSpec(Kind.TEXT, 3)),
			Map.entry(52, new FieldSpec(Kind.BINARY, 8)),
			Map.entry(60, new FieldSpec(Kind.LLLVAR_TEXT, 999)),
			Map.entry(62, new FieldSpec(Kind.LLLVAR_TEXT, 999)),
			Map.entry(64, new FieldSpec(Kind.BINARY, 8)));

	private Iso8583Codec() {
	}

	static byte[] pack(IsoMessage message) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		out.writeBytes(bcd(message.mti(), 4, false));
		byte[] bitmap = new byte[8];
		message.fields().keySet().forEach(field -> bitmap[(field - 1) / 8] |= (byte) (0x80 >>> ((field - 1) % 8)));
		out.writeBytes(bitmap);
		message.fields().forEach((field, value) -> {
			FieldSpec spec = PROFILE.get(field);
			if (spec == null) {
				throw new IllegalArgumentException("Field " + field + " is not in the profile");
			}
			switch (spec.kind()) {
				case NUMERIC -> out.writeBytes(bcd(digits(field, (String) value, spec.length(), true), spec.length(), false));
				case LLVAR_NUMERIC -> {
					String digits = digits(field, (String) value, spec.length(), false);
					out.write(bcd(String.format("%02d", digits.length()), 2, false)[0]);
					out.writeBytes(bcd(digits, digits.length(), true));
				}
				case TEXT -> {
					byte[] text = ((String) value).getBytes(StandardCharsets.US_ASCII);
					if (text.length != spec.length()) {
						throw new IllegalArgumentException("Field " + field + " has " + spec.length() + " characters");
					}
					out.writeBytes(text);
				}
				case LLLVAR_TEXT -> {
					byte[] text = ((String) value).getBytes(StandardCharsets.US_ASCII);
					if (text.length > spec.length()) {
						throw new IllegalArgumentException("Field " + field + " is too long");
					}
					out.writeBytes(bcd(String.format("%04d", text.length), 4, false));
					out.writeBytes(text);
				}
				case BINARY -> {
					byte[] bytes = (byte[]) value;
					if (bytes.length != spec.length()) {
						throw new IllegalArgumentException("Field " + field + " has " + spec.length() + " bytes");
					}
					out.writeBytes(bytes);
				}
			}
		});
		return out.toByteArray();
	}

	/** Unpacks a message; what cannot be read throws with what was read before it. */
	static IsoMessage unpack(byte[] data) {
		Reader in = new Reader(data);
		if (data.length < 10) {
			throw new Iso8583FormatException("A message has at least an MTI and a bitmap", null);
		}
		String mti = in.bcd(4, false);
		if (!mti.matches("\\d{4}")) {
			throw new Iso8583FormatException("The MTI is not four digits", null);
		}
		IsoMessage message = new IsoMessage(mti);
		byte[] bitmap = in.bytes(8);
		if ((bitmap[0] & 0x80) != 0) {
			throw new Iso8583FormatException("This profile has no secondary bitmap", message);
		}
		try {
			for (int field = 2; field <= 64; field++) {
				if ((bitmap[(field - 1) / 8] & (0x80 >>> ((field - 1) % 8))) == 0) {
					continue;
				}
				FieldSpec spec = PROFILE.get(field);
				if (spec == null) {
					throw new Iso8583FormatException("Field " + field + " is not in the profile", message);
				}
				switch (spec.kind()) {
					case NUMERIC -> message.set(field, numeric(field, in.bcd(spec.length(), false)));
					case LLVAR_NUMERIC -> {
						int length = Integer.parseInt(numeric(field, in.bcd(2, false)));
						if (length > spec.length()) {
							throw new Iso8583FormatException("Field " + field + " is too long", message);
						}
						message.set(field, numeric(field, in.bcd(length, true)));
					}
					case TEXT -> message.set(field, in.ascii(spec.length()));
					case LLLVAR_TEXT -> {
						int length = Integer.parseInt(numeric(field, in.bcd(4, false)));
						if (length > spec.length()) {
							throw new Iso8583FormatException("Field " + field + " is too long", message);
						}
						message.set(field, in.ascii(length));
					}
					case BINARY -> message.set(field, in.bytes(spec.length()));
				}
			}
		}
		catch (IndexOutOfBoundsException e) {
			throw new Iso8583FormatException("The message ends inside a field", message);
		}
		catch (NumberFormatException e) {
			throw new Iso8583FormatException("A length is not BCD", message);
		}
		catch (Iso8583FormatException e) {
			throw e.partial() != null ? e : new Iso8583FormatException(e.getMessage(), message);
		}
		if (in.remaining() != 0) {
			throw new Iso8583FormatException("Bytes follow the last field", message);
		}
		return message;
	}

	/** Where field 64 starts in a packed message: the MAC covers everything before it. */
	static int macOffset(byte[] packed) {
		return packed.length - 8;
	}

	private static String numeric(int field, String value) {
		if (!value.chars().allMatch(Character::isDigit)) {
			throw new Iso8583FormatException("Field " + field + " is not BCD", null);
		}
		return value;
	}

	private static String digits(int field, String value, int length, boolean fixed) {
		if (value == null || !value.chars().allMatch(Character::isDigit) || value.length() > length
				|| (fixed && value.length() != length)) {
			throw new IllegalArgumentException("Field " + field + " must be " + (fixed ? "" : "at most ") + length + " digits");
		}
		return value;
	}

	/** Digits as BCD; an odd count gets a zero nibble on the left, or on the right when left-justified. */
	static byte[] bcd(String digits, int count, boolean leftJustified) {
		String even = digits.length() % 2 == 0 ? digits : leftJustified ? digits + "0" : "0" + digits;
		byte[] out = new byte[even.length() / 2];
		for (int i = 0; i < out.length; i++) {
			out[i] = (byte) (((even.charAt(2 * i) - '0') << 4) | (even.charAt(2 * i + 1) - '0'));
		}
		return out;
	}

	private static final class Reader {

		private final byte[] data;
		private int position;

		Reader(byte[] data) {
			this.data = data;
		}

		String bcd(int digits, boolean leftJustified) {
			int length = (digits + 1) / 2;
			byte[] raw = bytes(length);
			StringBuilder out = new StringBuilder(length * 2);
			for (byte b : raw) {
				out.append(nibble(b >> 4)).append(nibble(b));
			}
			if (digits % 2 == 1) {
				return leftJustified ? out.substring(0, digits) : out.substring(1);
			}
			return out.toString();
		}

		private static char nibble(int value) {
			int n = value & 0x0F;
			return n < 10 ? (char) ('0' + n) : 'X';
		}

		String ascii(int length) {
			byte[] raw = bytes(length);
			for (byte b : raw) {
				if (b < 0x20 || b > 0x7E) {
					throw new Iso8583FormatException("A text field holds a byte that is not printable ASCII", null);
				}
			}
			return new String(raw, StandardCharsets.US_ASCII);
		}

		byte[] bytes(int length) {
			if (position + length > data.length) {
				throw new IndexOutOfBoundsException();
			}
			byte[] out = java.util.Arrays.copyOfRange(data, position, position + length);
			position += length;
			return out;
		}

		int remaining() {
			return data.length - position;
		}
	}
}
