package com.settledesk.posapplication.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.settledesk.posapplication.ApplicationStatus;
import com.settledesk.posapplication.ApplicationStatusChanged;
import com.settledesk.posapplication.Carrier;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.StateConflictException;

/**
 * An application for terminals and its state machine: every move is guarded by the status; an illegal one is a
 * 409 and changes nothing. Moves register {@link ApplicationStatusChanged} events and a timeline entry.
 */
final class TerminalApplication {

	final UUID id;
	final String number;
	final MerchantId merchantId;
	final long version;
	ValidDraft draft;
	ApplicationStatus status;
	String infoRequest;
	String rejectReason;
	Carrier carrier;
	String trackingNo;
	String reviewedBy;
	Instant reviewedAt;
	String shippedBy;
	Instant shippedAt;
	Instant deliveredAt;
	private final List<ApplicationStatusChanged> events = new ArrayList<>();
	private final List<Step> steps = new ArrayList<>();

	record Step(ApplicationStatus status, Instant at, String by, String note) {
	}

	TerminalApplication(UUID id, String number, MerchantId merchantId, ValidDraft draft, ApplicationStatus status,
			long version) {
		this.id = id;
		this.number = number;
		this.merchantId = merchantId;
		this.draft = draft;
		this.status = status;
		this.version = version;
	}

	static TerminalApplication submit(UUID id, String number, MerchantId merchantId, ValidDraft draft, String by,
			Instant now) {
		TerminalApplication application = new TerminalApplication(id, number, merchantId, draft, null, 0);
		application.moveTo(ApplicationStatus.SUBMITTED, by, null, now);
		return application;
	}

	void approve(String by, String note, Instant now) {
		require(EnumSet.of(ApplicationStatus.SUBMITTED));
		reviewedBy = by;
		reviewedAt = now;
		moveTo(ApplicationStatus.APPROVED, by, note, now);
	}

	void reject(String by, String reason, Instant now) {
		require(EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.NEEDS_INFO));
		reviewedBy = by;
		reviewedAt = now;
		rejectReason = reason;
		moveTo(ApplicationStatus.REJECTED, by, reason, now);
	}

	void requestInformation(String by, String message, Instant now) {
		require(EnumSet.of(ApplicationStatus.SUBMITTED));
		infoRequest = message;
		moveTo(ApplicationStatus.NEEDS_INFO, by, message, now);
	}

	void resubmit(ValidDraft corrected, String by, Instant now) {
		require(EnumSet.of(ApplicationStatus.NEEDS_INFO));
		draft = corrected;
		moveTo(ApplicationStatus.SUBMITTED, by, null, now);
	}

	void cancel(String by, Instant now) {
		require(EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.NEEDS_INFO));
		moveTo(ApplicationStatus.CANCELLED, by, null, now);
	}

	void ship(Carrier shippedWith, String tracking, String by, Instant now) {
		require(EnumSet.of(ApplicationStatus.APPROVED));
		carrier = shippedWith;
		trackingNo = tracking;
		shippedBy = by;
		shippedAt = now;
		moveTo(ApplicationStatus.SHIPPED, by, shippedWith + " " + tracking, now);
	}

	void delivered(String by, Instant at, Instant now) {
		require(EnumSet.of(ApplicationStatus.SHIPPED));
		deliveredAt = at;
		moveTo(ApplicationStatus.DELIVERED, by, null, now);
	}

	List<ApplicationStatusChanged> events() {
		return List.copyOf(events);
	}

	List<Step> steps() {
		return List.copyOf(steps);
	}

	private void moveTo(ApplicationStatus next, String by, String note, Instant now) {
		events.add(new ApplicationStatusChanged(id, number, merchantId, status, next, now));
		steps.add(new Step(next, now, by, note));
		status = next;
	}

	private void require(Set<ApplicationStatus> allowed) {
		if (!allowed.contains(status)) {
			throw new StateConflictException("APPLICATION_STATE_CONFLICT", "Not allowed while the application is " + status);
		}
	}
}
