package com.settledesk.settlementaccount;

import java.time.Instant;
import java.util.UUID;

/**
 * From this moment money goes to the new account: payouts not yet sent are to be re-pointed to it. Published
 * through the event publication registry in the transaction of the switch.
 */
public record SettlementAccountChanged(UUID merchantId, UUID previousAccountId, UUID newAccountId,
		String newAccountMasked, Instant effectiveAt) {
}
