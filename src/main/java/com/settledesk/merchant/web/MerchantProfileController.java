package com.settledesk.merchant.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.Merchants;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.shared.Masking;
import com.settledesk.shared.ResourceNotFoundException;

/** GET /api/v1/merchant/profile: the signed-in user's merchant. */
@RestController
class MerchantProfileController {

	private final Merchants merchants;

	MerchantProfileController(Merchants merchants) {
		this.merchants = merchants;
	}

	@GetMapping("/api/v1/merchant/profile")
	ProfileResponse profile(CurrentUser user) {
		var merchant = merchants.find(user.requireMerchant())
			.orElseThrow(() -> new ResourceNotFoundException("Merchant"));
		return new ProfileResponse(merchant.merchantNo(), merchant.name(), merchant.kind(), merchant.legalName(),
				Masking.maskPhone(merchant.contactPhone()), merchant.settlementMode());
	}

	record ProfileResponse(String merchantNo, String name, MerchantKind kind, String legalName,
			String contactPhoneMasked, SettlementMode settlementMode) {
	}
}
