package com.settledesk.terminal;

import java.time.Instant;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/** Terminal operations received a returned terminal; it is unbound from the merchant. */
public record TerminalReturned(String serialNo, MerchantId merchantId, UUID applicationId, Instant at) {
}
