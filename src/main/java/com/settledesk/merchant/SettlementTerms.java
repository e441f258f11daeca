package com.settledesk.merchant;

import com.settledesk.shared.MerchantId;

/** How an active merchant is settled: what a sweep needs of it, nothing more. */
public record SettlementTerms(MerchantId id, String feePlan) {
}
