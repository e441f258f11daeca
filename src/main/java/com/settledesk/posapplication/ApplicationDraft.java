package com.settledesk.posapplication;

/**
 * What a merchant owner asks for. The installation address defaults to the business address; another place
 * needs a reason (a terminal works only at its registered place).
 */
public record ApplicationDraft(String modelCode, Integer quantity, String deliveryAddress, String contactName,
		String contactPhone, String installationAddress, String reason) {
}
