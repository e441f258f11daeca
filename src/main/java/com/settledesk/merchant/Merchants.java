package com.settledesk.merchant;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.PipelinedWrites;

/** The merchant directory other modules use. */
public interface Merchants {

	Optional<MerchantProfile> find(MerchantId id);

	Optional<MerchantProfile> findByMerchantNo(String merchantNo);

	/** Many merchants by number in one read (a gateway's batch); unknown numbers are absent from the map. */
	Map<String, MerchantProfile> findByMerchantNos(Collection<String> merchantNos);

	/**
	 * {@link #findByMerchantNos}, read when first asked for: inside {@link PipelinedWrites#together} in one round trip
	 * with the other reads waiting then.
	 */
	Supplier<Map<String, MerchantProfile>> findByMerchantNosLater(Collection<String> merchantNos);

	/** Many merchants by id in one read (a page listing them); unknown ids are absent from the map. */
	Map<MerchantId, MerchantProfile> findAll(Collection<MerchantId> ids);

	long count();

	/** The settlement terms of the active merchants settled in the given mode (read in bulk by sweeps). */
	List<SettlementTerms> activeBySettlementMode(SettlementMode mode);

	/** Onboards a merchant; a number already taken is a 409, invalid data a 422. */
	MerchantProfile register(MerchantRegistration registration);

	/** Whether the ID number is the legal representative's (by keyed fingerprint, nothing decrypted). */
	boolean isLegalRepresentative(MerchantId id, String idNumber);
}
