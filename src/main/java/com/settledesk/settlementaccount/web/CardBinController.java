package com.settledesk.settlementaccount.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.settlementaccount.CardBinLookup;
import com.settledesk.settlementaccount.CardType;
import com.settledesk.shared.ResourceNotFoundException;

/** POST /api/v1/card-bins/lookup: the bank and card kind of a number (6 or more leading digits). */
@RestController
class CardBinController {

	private final CardBinLookup bins;

	CardBinController(CardBinLookup bins) {
		this.bins = bins;
	}

	@PostMapping("/api/v1/card-bins/lookup")
	BinResponse lookup(@Valid @RequestBody BinRequest body) {
		return bins.lookup(body.cardNumber())
			.map(bin -> new BinResponse(bin.bankCode(), bin.bankName(), bin.cardType(), bin.length()))
			.orElseThrow(() -> new ResourceNotFoundException("Card BIN"));
	}

	record BinRequest(@NotBlank @Pattern(regexp = "[0-9]{6,19}") String cardNumber) {

		@Override
		public String toString() {
			return "BinRequest[masked]";
		}
	}

	record BinResponse(String bankCode, String bankName, CardType cardType, int length) {
	}
}
