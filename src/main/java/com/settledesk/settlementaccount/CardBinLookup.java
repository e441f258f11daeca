package com.settledesk.settlementaccount;

import java.util.Optional;

/** Recognises the issuing bank and card kind from the leading digits of a card number (longest prefix). */
public interface CardBinLookup {

	Optional<CardBin> lookup(String cardNumberOrPrefix);

	/** The bank's Chinese name by its code, e.g. ICBC → 中国工商银行. */
	Optional<String> bankName(String bankCode);
}
