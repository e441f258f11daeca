package com.settledesk.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.settledesk.identity.CurrentUser;

/** The console's home: the figures an operator looks at first. */
@Controller
class ConsoleHomeController {

	private final OpsSummaries summaries;

	ConsoleHomeController(OpsSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/ops")
	String home(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("summary", summaries.current());
		return "console/home";
	}
}
