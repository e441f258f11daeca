package com.settledesk.merchant;

import java.util.List;
import java.util.Optional;

import com.settledesk.shared.MerchantId;

/** The merchant directory other modules use. */
public interface Merchants {

	Optional<MerchantProfile> find(MerchantId id);

	Optional<MerchantProfile> findByMerchantNo(String merchantNo);

	long count();

	/** Active merchants settled in the given mode. */
	List<MerchantProfile> activeBySettlementMode(SettlementMode mode);

	/** Onboards a merchant; a number already taken is a 409, invalid data a 422. */
	MerchantProfile register(MerchantRegistration registration);

	/** Whether the ID number is the legal representative's (by keyed fingerprint, nothing decrypted). */
	boolean isLegalRepresentative(MerchantId id, String idNumber);
}
