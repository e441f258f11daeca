package com.settledesk.posapplication.web;

import java.time.OffsetDateTime;
import java.util.List;

import com.settledesk.posapplication.ApplicationStatus;
import com.settledesk.posapplication.Carrier;
import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.shared.Masking;
import com.settledesk.shared.Timestamps;
import com.settledesk.terminal.ChargeKind;

/** An application in the API; the contact phone masked. */
record ApplicationResponse(String id, String number, String modelCode, int quantity, ChargeKind chargeKind,
		long unitChargeFen, long totalChargeFen, String deliveryAddress, String contactName, String contactPhoneMasked,
		String installationAddress, String reason, ApplicationStatus status, String infoRequest, String rejectReason,
		Carrier carrier, String trackingNo, List<String> serialNumbers, OffsetDateTime submittedAt,
		OffsetDateTime deliveredAt, List<Step> history) {

	record Step(ApplicationStatus status, OffsetDateTime at, String note) {
	}

	static ApplicationResponse of(TerminalApplicationView a) {
		return new ApplicationResponse(a.id().toString(), a.number(), a.modelCode(), a.quantity(), a.chargeKind(),
				a.unitCharge().fen(), a.totalCharge().fen(), a.deliveryAddress(), a.contactName(),
				Masking.maskPhone(a.contactPhone()), a.installationAddress(), a.installationReason(), a.status(),
				a.infoRequest(), a.rejectReason(), a.carrier(), a.trackingNo(), a.serialNumbers(),
				Timestamps.forDisplay(a.submittedAt()), Timestamps.forDisplay(a.deliveredAt()),
				a.history().stream().map(h -> new Step(h.status(), Timestamps.forDisplay(h.at()), h.note())).toList());
	}
}
