package com.settledesk.console.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.settledesk.payout.BankFiles;

/** 银行报文: what went to the bank and what came back, for finance — names, kinds and outcomes, never contents. */
@Controller
@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
class BankFilePagesController {

	private final ObjectProvider<BankFiles> files;

	BankFilePagesController(ObjectProvider<BankFiles> files) {
		this.files = files;
	}

	@GetMapping("/ops/bank-files")
	String page(Model model) {
		BankFiles exchanged = files.getIfAvailable();
		model.addAttribute("byFiles", exchanged != null);
		model.addAttribute("files", exchanged == null ? List.of() : exchanged.recent(200));
		return "console/bank-files";
	}
}
