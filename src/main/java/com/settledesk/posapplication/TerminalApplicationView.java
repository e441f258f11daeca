package com.settledesk.posapplication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.terminal.ChargeKind;

/** An application as merchants and operators see it, with its timeline and the serial numbers shipped. */
public record TerminalApplicationView(UUID id, String number, MerchantId merchantId, String modelCode, int quantity,
		ChargeKind chargeKind, Money unitCharge, String deliveryAddress, String contactName, String contactPhone,
		String installationAddress, String installationReason, ApplicationStatus status, String infoRequest,
		String rejectReason, Carrier carrier, String trackingNo, Instant submittedAt, Instant deliveredAt,
		List<String> serialNumbers, List<ApplicationHistoryEntry> history) {

	public TerminalApplicationView {
		serialNumbers = List.copyOf(serialNumbers);
		history = List.copyOf(history);
	}

	public Money totalCharge() {
		return Money.ofFen(Math.multiplyExact(unitCharge.fen(), quantity));
	}
}
