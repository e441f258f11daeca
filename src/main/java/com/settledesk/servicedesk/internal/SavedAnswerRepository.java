package com.settledesk.servicedesk.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.servicedesk.SavedAnswer;
import com.settledesk.servicedesk.SavedAnswers;
import com.settledesk.servicedesk.TicketCategory;

/** Saved answers in SQL: Chinese for Chinese readers, English for everyone else; words matched case-insensitively. */
@Repository
class SavedAnswerRepository implements SavedAnswers {

	private static final int MAX_WORDS = 100;

	private final JdbcClient jdbc;

	SavedAnswerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SavedAnswer> search(String words, TicketCategory category, Locale language) {
		String lang = language != null && "zh".equals(language.getLanguage()) ? "zh-CN" : "en";
		String pattern = words == null || words.isBlank() ? "%"
				: "%" + escape(words.strip().toLowerCase(Locale.ROOT).substring(0, Math.min(MAX_WORDS,
						words.strip().length()))) + "%";
		return jdbc.sql("""
				SELECT id, category, question, answer FROM saved_answer
				WHERE language = :lang AND (:category = '' OR category = :category)
				  AND (LOWER(question) LIKE :pattern ESCAPE '!' OR LOWER(answer) LIKE :pattern ESCAPE '!')
				ORDER BY sort_order""")
			.param("lang", lang).param("category", category == null ? "" : category.name()).param("pattern", pattern)
			.query((rs, row) -> new SavedAnswer(rs.getObject(1, UUID.class), TicketCategory.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	private static String escape(String words) {
		return words.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}
}
