package com.settledesk.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one login page for the merchant portal and the operations console. */
@Controller
class LoginPageController {

	@GetMapping("/login")
	String login() {
		return "login";
	}
}
