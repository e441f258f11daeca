package com.settledesk.notification.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.NoticePreferences;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Timestamps;

/** A merchant's notice preferences (table notice_preference); none stored means the defaults. */
@Repository
class NoticePreferenceRepository {

	private final JdbcClient jdbc;

	NoticePreferenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<NoticePreferences> find(MerchantId merchantId) {
		return jdbc.sql("SELECT email, sms_kinds, email_kinds FROM notice_preference WHERE merchant_id = :m")
			.param("m", merchantId.value())
			.query((rs, row) -> new NoticePreferences(rs.getString("email"), kinds(rs.getString("sms_kinds")),
					kinds(rs.getString("email_kinds"))))
			.optional();
	}

	void save(MerchantId merchantId, NoticePreferences preferences, String by, Instant now) {
		int updated = jdbc.sql("""
				UPDATE notice_preference SET email = :email, sms_kinds = :sms, email_kinds = :mail, updated_at = :now,
				    updated_by = :by, version = version + 1 WHERE merchant_id = :m""")
			.param("email", preferences.email()).param("sms", names(preferences.bySms()))
			.param("mail", names(preferences.byEmail())).param("now", Timestamps.toDb(now)).param("by", by)
			.param("m", merchantId.value()).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO notice_preference (merchant_id, email, sms_kinds, email_kinds, updated_at, updated_by, version)
					VALUES (:m, :email, :sms, :mail, :now, :by, 0)""")
				.param("email", preferences.email()).param("sms", names(preferences.bySms()))
				.param("mail", names(preferences.byEmail())).param("now", Timestamps.toDb(now)).param("by", by)
				.param("m", merchantId.value()).update();
		}
	}

	private static String names(Set<NoticeKind> kinds) {
		return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	/** Tolerant of names no longer known, so an old row never breaks a page. */
	private static Set<NoticeKind> kinds(String names) {
		Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
		if (names != null) {
			Arrays.stream(names.split(",")).map(String::trim).forEach(name -> Arrays.stream(NoticeKind.values())
				.filter(kind -> kind.name().equals(name)).forEach(kinds::add));
		}
		return kinds;
	}
}
