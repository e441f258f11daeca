package com.settledesk.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cells of the CSV files SettleDesk hands out, safe to open in a spreadsheet: text that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, and
 * cells with separators, quotes or line breaks are quoted. A plain number such as {@code -12.34} is data, not
 * a formula, and stays a number so that columns still add up.
 */
public final class CsvCells {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvCells() {
	}

	public static String cell(Object value) {
		String text = value == null ? "" : value.toString();
		if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches()) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** One CSV line, ended with CRLF. */
	public static String row(List<?> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			line.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
		}
		return line.append("\r\n").toString();
	}
}
