package com.settledesk.payout.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.shared.ResourceNotFoundException;

/**
 * The bank simulator's development endpoints (demo only): POST /api/v1/dev/bank/outcomes sets how it answers
 * for payouts to an account; GET /api/v1/dev/bank/result-files/{date} gives its result file for a closed day.
 */
@RestController
@ConditionalOnBooleanProperty("settledesk.dev-endpoints.enabled")
@ConditionalOnExpression("'${settledesk.bank.channel:simulator}' == 'simulator' or ${settledesk.bank.simulator.enabled:false}")
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

	/** The simulator's result file for a closed day, as the bank would deliver it. */
	@GetMapping(value = "/api/v1/dev/bank/result-files/{date}", produces = "text/plain;charset=UTF-8")
	ResponseEntity<byte[]> resultFile(@PathVariable LocalDate date) throws IOException {
		var file = bank.resultFile(date).orElseThrow(() -> new ResourceNotFoundException("Bank result file"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"")
			.body(Files.readAllBytes(file));
	}

	record OutcomeRequest(@NotBlank @Pattern(regexp = "[0-9]{6,30}") String accountNumber,
			@NotNull SimulatedBank.Scripted outcome, String reason) {

		@Override
		public String toString() {
			return "OutcomeRequest[outcome=" + outcome + "]";
		}
	}
}
