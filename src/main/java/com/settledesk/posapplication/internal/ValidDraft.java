package com.settledesk.posapplication.internal;

import java.util.ArrayList;
import java.util.List;

import com.settledesk.posapplication.ApplicationDraft;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MobilePhoneNumber;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalModel;

/** An application draft that passed the rules, with the installation address resolved. */
record ValidDraft(TerminalModel model, int quantity, String deliveryAddress, String contactName, String contactPhone,
		String installationAddress, String installationReason) {

	static final int MAX_QUANTITY = 5;
	private static final int MAX_ADDRESS = 300;
	private static final int MAX_NAME = 60;
	private static final int MAX_REASON = 500;

	/** Checks every field at once; an installation place other than the business address needs a reason. */
	static ValidDraft of(ApplicationDraft draft, TerminalModel model, String businessAddress) {
		List<FieldViolation> violations = new ArrayList<>();
		if (draft.modelCode() == null || draft.modelCode().isBlank()) {
			violations.add(new FieldViolation("modelCode", "REQUIRED"));
		}
		else if (model == null) {
			violations.add(new FieldViolation("modelCode", "UNKNOWN_MODEL"));
		}
		if (draft.quantity() == null) {
			violations.add(new FieldViolation("quantity", "REQUIRED"));
		}
		else if (draft.quantity() < 1 || draft.quantity() > MAX_QUANTITY) {
			violations.add(new FieldViolation("quantity", "OUT_OF_RANGE"));
		}
		String delivery = text(draft.deliveryAddress(), "deliveryAddress", MAX_ADDRESS, violations);
		String contact = text(draft.contactName(), "contactName", MAX_NAME, violations);
		String phone = draft.contactPhone() == null ? null : draft.contactPhone().strip();
		if (phone == null || phone.isEmpty()) {
			violations.add(new FieldViolation("contactPhone", "REQUIRED"));
		}
		else if (!MobilePhoneNumber.isValid(phone)) {
			violations.add(new FieldViolation("contactPhone", "INVALID_PHONE"));
		}
		String installation = draft.installationAddress() == null || draft.installationAddress().isBlank()
				? businessAddress : draft.installationAddress().strip();
		String reason = draft.reason() == null || draft.reason().isBlank() ? null : draft.reason().strip();
		if (installation == null) {
			violations.add(new FieldViolation("installationAddress", "REQUIRED"));
		}
		else if (installation.length() > MAX_ADDRESS) {
			violations.add(new FieldViolation("installationAddress", "TOO_LONG"));
		}
		else if (!installation.equals(businessAddress) && reason == null) {
			violations.add(new FieldViolation("reason", "REASON_REQUIRED"));
		}
		if (reason != null && reason.length() > MAX_REASON) {
			violations.add(new FieldViolation("reason", "TOO_LONG"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
		return new ValidDraft(model, draft.quantity(), delivery, contact, phone, installation,
				installation.equals(businessAddress) ? null : reason);
	}

	private static String text(String value, String field, int max, List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(new FieldViolation(field, "REQUIRED"));
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			violations.add(new FieldViolation(field, "TOO_LONG"));
		}
		return stripped;
	}
}
