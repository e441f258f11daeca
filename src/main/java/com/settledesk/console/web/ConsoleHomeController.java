package com.settledesk.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.settledesk.identity.CurrentUser;
import com.settledesk.terminal.Terminals;

/** The console's home: the figures an operator looks at first. */
@Controller
class ConsoleHomeController {

	private final OpsSummaries summaries;
	private final Terminals terminals;

	ConsoleHomeController(OpsSummaries summaries, Terminals terminals) {
		this.summaries = summaries;
		this.terminals = terminals;
	}

	@GetMapping("/ops")
	String home(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("summary", summaries.current());
		model.addAttribute("terminalAlerts", terminals.alerts().size());
		return "console/home";
	}
}
