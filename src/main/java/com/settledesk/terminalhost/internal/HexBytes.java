package com.settledesk.terminalhost.internal;

import java.util.HexFormat;

final class HexBytes {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private HexBytes() {
	}

	static String hex(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	static byte[] parse(String hex) {
		return HEX.parseHex(hex);
	}
}
