package com.settledesk.terminal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;

/** Terminals in the warehouse (库存) and shipping them to merchants. */
public interface TerminalStock {

	/** How many terminals of each model are in stock, free to ship. */
	Map<String, Long> counts();

	/** Serial numbers in stock for the model (all models when null), oldest first. */
	List<TerminalView> inStock(String modelCode, int limit);

	/** Takes delivered terminals into stock; a serial number already known is a 409 and nothing is taken. */
	int receive(String modelCode, List<String> serialNumbers, String by);

	/**
	 * Assigns the serial numbers to the merchant and marks them shipped, each with a new activation code sent to
	 * the merchant by SMS. Every serial number must be in stock and of the model: one that is not (or was just
	 * taken by another operator) is a 409 and nothing is assigned. Joins the caller's transaction.
	 */
	List<TerminalView> ship(Shipment shipment);

	record Shipment(UUID applicationId, MerchantId merchantId, SettlementAccountId settlementAccountId, String modelCode,
			List<String> serialNumbers, String installAddress, String by) {

		public Shipment {
			serialNumbers = List.copyOf(serialNumbers);
		}
	}
}
