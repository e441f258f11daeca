package com.settledesk.cardchange.internal;

import com.settledesk.cardchange.ChangeRequestView;

final class ChangeRequestViews {

	private ChangeRequestViews() {
	}

	static ChangeRequestView of(ChangeRequest r) {
		NewAccount a = r.account();
		return new ChangeRequestView(r.id(), r.merchantId(), r.status(), a.type(), a.masked(), a.accountName(),
				a.bankCode(), a.bankName(), a.binKnown(), a.bankBranch(), a.cnapsCode(), a.holderIdMasked(),
				a.holderIsLegalRepresentative(), r.previousAccountMasked(), r.verificationStatus(), r.submittedBy(),
				r.submittedIp(), r.submittedAt(), r.infoRequest(), r.rejectReason(), r.effectiveAt(), r.attachmentIds(),
				r.history(), r.review());
	}
}
