package com.settledesk.cardchange.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import com.settledesk.cardchange.internal.StopLinks;
import com.settledesk.shared.ResourceNotFoundException;

/** /stop/{code}: the page the notice links to; one button stops the change. */
@Controller
class StopLinkController {

	private final StopLinks stopLinks;

	StopLinkController(StopLinks stopLinks) {
		this.stopLinks = stopLinks;
	}

	@GetMapping("/stop/{code}")
	String show(@PathVariable String code, Model model) {
		model.addAttribute("request", stopLinks.find(code).orElseThrow(() -> new ResourceNotFoundException("Stop link")));
		model.addAttribute("code", code);
		return "cardchange/stop";
	}

	@PostMapping("/stop/{code}")
	String stop(@PathVariable String code, Model model) {
		model.addAttribute("request", stopLinks.stop(code).orElseThrow(() -> new ResourceNotFoundException("Stop link")));
		model.addAttribute("code", code);
		model.addAttribute("stopped", true);
		return "cardchange/stop";
	}
}
