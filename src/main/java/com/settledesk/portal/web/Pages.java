package com.settledesk.portal.web;

/** A long list's page number as typed in the address: anything unreadable is the first, anything huge the last allowed. */
final class Pages {

	static final int MAX_PAGE = 1000;

	private Pages() {
	}

	/** The page from 0. */
	static int index(String page) {
		if (page == null || !page.strip().matches("\\d+")) {
			return 0;
		}
		return page.strip().length() > 9 ? MAX_PAGE : Math.min(MAX_PAGE, Integer.parseInt(page.strip()));
	}
}
