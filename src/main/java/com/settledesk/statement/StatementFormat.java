package com.settledesk.statement;

/** CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese) or PDF (CJK font embedded). */
public enum StatementFormat {
	CSV("text/csv;charset=UTF-8", "csv"), PDF("application/pdf", "pdf");

	private final String contentType;
	private final String extension;

	StatementFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}
}
