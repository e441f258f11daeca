package com.settledesk.notification;

import java.util.EnumSet;
import java.util.Set;

/** Where a merchant wants its notices: the e-mail address (if any) and, per channel, the kinds it wants there. */
public record NoticePreferences(String email, Set<NoticeKind> bySms, Set<NoticeKind> byEmail) {

	public NoticePreferences {
		bySms = bySms == null || bySms.isEmpty() ? EnumSet.noneOf(NoticeKind.class) : EnumSet.copyOf(bySms);
		bySms.add(NoticeKind.SECURITY);
		byEmail = byEmail == null || byEmail.isEmpty() ? EnumSet.noneOf(NoticeKind.class) : EnumSet.copyOf(byEmail);
		email = email == null || email.isBlank() ? null : email.trim();
	}

	/** Until a merchant chooses: every notice by SMS, none by e-mail. */
	public static NoticePreferences defaults() {
		return new NoticePreferences(null, EnumSet.allOf(NoticeKind.class), EnumSet.noneOf(NoticeKind.class));
	}

	public boolean wantsSms(NoticeKind kind) {
		return kind.alwaysBySms() || bySms.contains(kind);
	}

	public boolean wantsEmail(NoticeKind kind) {
		return email != null && byEmail.contains(kind);
	}
}
