package com.settledesk.portal.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.settledesk.attachment.AttachmentKind;
import com.settledesk.cardchange.ChangeDraft;
import com.settledesk.settlementaccount.AccountType;

/**
 * The wizard's progress, kept in the user's server-side session between steps (never in the page): the
 * card details of step 1 and the materials uploaded in step 2.
 */
class ChangeWizard implements Serializable {

	static final String SESSION_KEY = "settledesk.cardChangeWizard";

	private CardDetailsForm details;
	private final Map<AttachmentKind, UUID> materials = new EnumMap<>(AttachmentKind.class);

	CardDetailsForm details() {
		return details;
	}

	void details(CardDetailsForm details) {
		this.details = details;
	}

	Map<AttachmentKind, UUID> materials() {
		return materials;
	}

	ChangeDraft draft() {
		List<UUID> attachmentIds = new ArrayList<>(materials.values());
		AccountType type = details.accountType() == null ? null : AccountType.valueOf(details.accountType());
		return new ChangeDraft(type, details.accountNumber(), details.accountName(), details.holderIdNumber(),
				details.reservedPhone(), details.bankBranch(), details.cnapsCode(), attachmentIds);
	}

	/** Step 1's form, as typed. */
	record CardDetailsForm(String accountType, String accountNumber, String accountName, String holderIdNumber,
			String reservedPhone, String bankBranch, String cnapsCode) implements Serializable {

		@Override
		public String toString() {
			return "CardDetailsForm[" + accountType + "]";
		}
	}
}
