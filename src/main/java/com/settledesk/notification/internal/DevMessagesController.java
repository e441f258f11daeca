package com.settledesk.notification.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/dev/messages/outcomes: how the simulated SMS gateway answers for a recipient (demo only). */
@RestController
@ConditionalOnBooleanProperty("settledesk.dev-endpoints.enabled")
@ConditionalOnExpression(DevelopmentOutboxProvider.ACTIVE)
class DevMessagesController {

	private final DevelopmentOutboxProvider gateway;

	DevMessagesController(DevelopmentOutboxProvider gateway) {
		this.gateway = gateway;
	}

	@PostMapping("/api/v1/dev/messages/outcomes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void set(@Valid @RequestBody OutcomeRequest body) {
		gateway.script(body.to(), body.outcome());
	}

	record OutcomeRequest(@NotBlank @Size(max = 100) String to, @NotNull DevelopmentOutboxProvider.Scripted outcome) {
	}
}
