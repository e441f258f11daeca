package com.settledesk.terminal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;

public interface Terminals {

	Optional<TerminalView> findBySerialNo(String serialNo);

	/** Many terminals by serial number in one read (a gateway's batch); unknown ones are absent from the map. */
	Map<String, TerminalView> findBySerialNos(Collection<String> serialNos);

	List<TerminalView> ofMerchant(MerchantId merchantId);

	/**
	 * Re-binds every terminal of the merchant to its new settlement account (终端绑定 includes the account), in
	 * the caller's transaction, and records each binding. Answers how many were re-bound.
	 */
	int rebindSettlementAccount(MerchantId merchantId, SettlementAccountId accountId, String reason);

	/** Registers a terminal already installed and active at a merchant; a known serial number is a 409. */
	TerminalView registerActive(String serialNo, String model, MerchantId merchantId,
			SettlementAccountId settlementAccountId, String installAddress);
}
