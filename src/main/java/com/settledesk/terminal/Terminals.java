package com.settledesk.terminal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.shared.SettlementAccountId;

/** The terminal register (机具登记簿): reading terminals, the catalogue, bindings and the register's history. */
public interface Terminals {

	Optional<TerminalView> findBySerialNo(String serialNo);

	/** The terminal with this ISO 8583 terminal id (field 41). */
	Optional<TerminalView> findByTerminalId(String terminalId);

	/** Many terminals by serial number in one read (a gateway's batch); unknown ones are absent from the map. */
	Map<String, TerminalView> findBySerialNos(Collection<String> serialNos);

	/**
	 * {@link #findBySerialNos}, read when first asked for: inside {@link PipelinedWrites#together} in one round trip
	 * with the other reads waiting then.
	 */
	Supplier<Map<String, TerminalView>> findBySerialNosLater(Collection<String> serialNos);

	/** The terminals bound to the merchant now. */
	List<TerminalView> ofMerchant(MerchantId merchantId);

	/** Terminals whose serial number, terminal id or merchant matches, for operators; at most {@code limit}. */
	List<TerminalView> search(String serialOrTerminalId, MerchantId merchantId, TerminalStatus status, int limit);

	/** What happened to the terminal, oldest first. */
	List<TerminalEvent> history(String serialNo);

	/** Terminals locked by an attack signal (wrong activation codes, MAC failures, tampering), for operators. */
	List<TerminalView> alerts();

	List<TerminalModel> models();

	Optional<TerminalModel> model(String code);

	/** Each model's name in the language, by code. */
	default Map<String, String> modelNames(java.util.Locale locale) {
		Map<String, String> names = new java.util.HashMap<>();
		models().forEach(m -> names.put(m.code(), m.name(locale)));
		return names;
	}

	/**
	 * Re-binds every terminal of the merchant to its new settlement account (终端绑定 includes the account), in
	 * the caller's transaction, and records each binding. Answers how many were re-bound.
	 */
	int rebindSettlementAccount(MerchantId merchantId, SettlementAccountId accountId, String reason);

	/** Registers a terminal already installed and active at a merchant; a known serial number is a 409. */
	TerminalView registerActive(String serialNo, String modelCode, MerchantId merchantId,
			SettlementAccountId settlementAccountId, String installAddress);

	/**
	 * Key injection (密钥注入) for a terminal prepared outside SettleDesk: gives it its terminal id and master
	 * key (32 hex digits), kept encrypted. Used for the demo terminals, whose keys are published.
	 */
	void injectMasterKey(String serialNo, String terminalId, String masterKeyHex);
}
