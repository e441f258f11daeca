package com.settledesk.terminalhost;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/** Sales slips of the purchases the terminal host took. */
public interface SalesSlips {

	/** The slip of the merchant's transaction, if the terminal host took it. */
	Optional<SalesSlip> slip(MerchantId merchantId, UUID transactionId);

	/** Which of these transactions of the merchant have a slip. */
	Set<UUID> withSlips(MerchantId merchantId, Collection<UUID> transactionIds);

	/** The merchant's latest approved card purchases (at most {@code limit}) paid with a card ending in these digits. */
	Set<UUID> withCardEnding(MerchantId merchantId, String lastDigits, int limit);
}
