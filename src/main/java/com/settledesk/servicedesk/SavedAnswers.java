package com.settledesk.servicedesk;

import java.util.List;
import java.util.Locale;

/** The saved answers (常见问题), kept as data: searched by words in question or answer, in the reader's language. */
public interface SavedAnswers {

	List<SavedAnswer> search(String words, TicketCategory category, Locale language);
}
