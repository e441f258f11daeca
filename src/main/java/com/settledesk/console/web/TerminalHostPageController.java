package com.settledesk.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.settledesk.terminalhost.TerminalHost;

/** 终端主机: the terminal host's connections, traffic by response code, MAC failures and batches. */
@Controller
class TerminalHostPageController {

	private final TerminalHost host;

	TerminalHostPageController(TerminalHost host) {
		this.host = host;
	}

	@GetMapping("/ops/terminal-host")
	String page(Model model) {
		var state = host.state();
		model.addAttribute("state", state);
		model.addAttribute("busiest", Math.max(1, state.lastMinutes().stream().mapToLong(m -> m.total()).max().orElse(1)));
		return "console/terminal-host";
	}
}
