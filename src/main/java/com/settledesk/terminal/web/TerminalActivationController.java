package com.settledesk.terminal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.terminal.TerminalSecurity;
import com.settledesk.terminal.TerminalSecurity.Activation;

/** POST /api/v1/terminals/activation: a shipped terminal activates itself (no login; rate-limited). */
@RestController
class TerminalActivationController {

	private final TerminalSecurity security;

	TerminalActivationController(TerminalSecurity security) {
		this.security = security;
	}

	@PostMapping("/api/v1/terminals/activation")
	Activation activate(@RequestBody ActivationRequest body, HttpServletRequest request) {
		return security.activate(body.serialNumber(), body.activationCode(), request.getRemoteAddr());
	}

	record ActivationRequest(String serialNumber, String activationCode) {

		@Override
		public String toString() {
			return "ActivationRequest[serialNumber=" + serialNumber + "]";
		}
	}
}
