package com.settledesk.settlementaccount;

/** What the BIN table says of a card number's leading digits. */
public record CardBin(String bin, String bankCode, String bankName, CardType cardType, int length) {
}
