package com.settledesk.posapplication;

import java.util.EnumSet;
import java.util.Set;

/** submitted → (needs info → submitted) → approved → shipped → delivered; or rejected / cancelled. */
public enum ApplicationStatus {
	SUBMITTED, NEEDS_INFO, APPROVED, REJECTED, SHIPPED, DELIVERED, CANCELLED;

	public static final Set<ApplicationStatus> OPEN = EnumSet.of(SUBMITTED, NEEDS_INFO, APPROVED);

	public boolean isOpen() {
		return OPEN.contains(this);
	}
}
