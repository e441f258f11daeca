package com.settledesk.payout.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/dev/bank/outcomes: how the bank simulator answers for payouts to an account (demo only). */
@RestController
@ConditionalOnBooleanProperty("settledesk.dev-endpoints.enabled")
class DevBankController {

	private final SimulatedBank bank;

	DevBankController(SimulatedBank bank) {
		this.bank = bank;
	}

	@PostMapping("/api/v1/dev/bank/outcomes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void set(@Valid @RequestBody OutcomeRequest body) {
		bank.script(body.accountNumber(), body.outcome(), body.reason());
	}

	record OutcomeRequest(@NotBlank @Pattern(regexp = "[0-9]{6,30}") String accountNumber,
			@NotNull SimulatedBank.Scripted outcome, String reason) {

		@Override
		public String toString() {
			return "OutcomeRequest[outcome=" + outcome + "]";
		}
	}
}
