package com.settledesk.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.Timestamps;
import com.settledesk.statement.SlipDocuments;
import com.settledesk.terminalhost.SalesSlip;
import com.settledesk.terminalhost.SalesSlips;

/** The electronic sales slip (电子签购单) of a card purchase taken by the terminal host: page, PDF and API. */
@Controller
class SalesSlipController {

	private final SalesSlips slips;
	private final SlipDocuments documents;

	SalesSlipController(SalesSlips slips, SlipDocuments documents) {
		this.slips = slips;
		this.documents = documents;
	}

	@GetMapping("/transactions/{id}/slip")
	String page(CurrentUser user, @PathVariable String id, Model model) {
		model.addAttribute("slip", find(user, id));
		return "portal/slip";
	}

	@GetMapping("/transactions/{id}/slip.pdf")
	ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable String id) {
		var file = documents.pdf(find(user, id), LocaleContextHolder.getLocale());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(file.content());
	}

	@GetMapping("/api/v1/merchant/transactions/{id}/slip")
	@ResponseBody
	SlipResponse api(CurrentUser user, @PathVariable String id) {
		SalesSlip s = find(user, id);
		return new SlipResponse(s.transactionId().toString(), s.merchantName(), s.merchantNo(), s.terminalId(),
				s.cardMasked(), s.entryMode(), s.amount().fen(), s.rrn(), s.authCode(), s.batchNo(), s.stan(),
				Timestamps.forDisplay(s.at()), s.voided(), s.reversed());
	}

	private SalesSlip find(CurrentUser user, String id) {
		try {
			return slips.slip(user.requireMerchant(), UUID.fromString(id))
				.orElseThrow(() -> new ResourceNotFoundException("Slip"));
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Slip");
		}
	}

	record SlipResponse(String transactionId, String merchantName, String merchantNo, String terminalId,
			String cardMasked, String entryMode, long amountFen, String rrn, String authCode, String batchNo, String stan,
			OffsetDateTime at, boolean voided, boolean reversed) {
	}
}
