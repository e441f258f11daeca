package com.settledesk.verification.internal;

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

import com.settledesk.verification.VerificationOutcome;

/** POST /api/v1/dev/verification/outcomes: how the simulator answers for a card from now on (demo only). */
@RestController
@ConditionalOnBooleanProperty("settledesk.dev-endpoints.enabled")
@ConditionalOnBooleanProperty("settledesk.verification.simulator.enabled")
class DevVerificationController {

	private final VerificationProviderSimulator simulator;

	DevVerificationController(VerificationProviderSimulator simulator) {
		this.simulator = simulator;
	}

	@PostMapping("/api/v1/dev/verification/outcomes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void set(@Valid @RequestBody OutcomeRequest body) {
		simulator.answer(body.accountNumber(), body.outcome());
	}

	record OutcomeRequest(@NotBlank @Pattern(regexp = "[0-9]{6,30}") String accountNumber,
			@NotNull VerificationOutcome outcome) {

		@Override
		public String toString() {
			return "OutcomeRequest[outcome=" + outcome + "]";
		}
	}
}
