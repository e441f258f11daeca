package com.settledesk.terminal.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.merchant.Merchants;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.Terminals;

/** GET /api/v1/acquiring/terminals/{serialNo}: the gateway checks a terminal's binding and status. */
@RestController
class GatewayTerminalController {

	private final Terminals terminals;
	private final Merchants merchants;

	GatewayTerminalController(Terminals terminals, Merchants merchants) {
		this.terminals = terminals;
		this.merchants = merchants;
	}

	@GetMapping("/api/v1/acquiring/terminals/{serialNo}")
	TerminalResponse terminal(@PathVariable String serialNo) {
		var terminal = terminals.findBySerialNo(serialNo).orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		String merchantNo = terminal.merchantId() == null ? null
				: merchants.find(terminal.merchantId()).map(m -> m.merchantNo()).orElse(null);
		return new TerminalResponse(terminal.serialNo(), merchantNo, terminal.status());
	}

	record TerminalResponse(String serialNo, String merchantNo, TerminalStatus status) {
	}
}
