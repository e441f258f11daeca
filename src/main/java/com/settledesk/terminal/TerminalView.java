package com.settledesk.terminal;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;

public record TerminalView(String serialNo, MerchantId merchantId, SettlementAccountId settlementAccountId,
		String model, String installAddress, TerminalStatus status) {
}
