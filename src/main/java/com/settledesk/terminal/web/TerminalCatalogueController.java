package com.settledesk.terminal.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.terminal.ChargeKind;
import com.settledesk.terminal.TerminalKind;
import com.settledesk.terminal.TerminalModel;
import com.settledesk.terminal.Terminals;

/** GET /api/v1/terminal-models: the catalogue. */
@RestController
class TerminalCatalogueController {

	private final Terminals terminals;

	TerminalCatalogueController(Terminals terminals) {
		this.terminals = terminals;
	}

	@GetMapping("/api/v1/terminal-models")
	List<ModelResponse> models() {
		return terminals.models().stream().map(ModelResponse::of).toList();
	}

	record ModelResponse(String code, String name, String nameEn, TerminalKind kind, ChargeKind chargeKind,
			long depositFen, long monthlyRentFen, List<String> channels) {

		static ModelResponse of(TerminalModel m) {
			return new ModelResponse(m.code(), m.name(), m.nameEn(), m.kind(), m.chargeKind(), m.deposit().fen(),
					m.monthlyRent().fen(), m.channels().stream().sorted().toList());
		}
	}
}
