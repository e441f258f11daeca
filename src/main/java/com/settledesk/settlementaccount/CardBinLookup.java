package com.settledesk.settlementaccount;

import java.util.Optional;

/** Recognises the issuing bank and card kind from the leading digits of a card number (longest prefix). */
public interface CardBinLookup {

	Optional<CardBin> lookup(String cardNumberOrPrefix);

	/** The bank's Chinese name by its code, e.g. ICBC → 中国工商银行. */
	Optional<String> bankName(String bankCode);

	/** The bank of a 12-digit CNAPS code (联行号) by its leading bank category code, e.g. 308… → CMB. */
	Optional<String> bankCodeOfCnaps(String cnapsCode);
}
