package com.settledesk.statement.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.shared.web.ErrorPages;
import com.settledesk.statement.Receipt;
import com.settledesk.statement.Receipts;
import com.settledesk.statement.Statements;

/**
 * The portal's downloads of statements and receipts. A person clicked a button, so a file that cannot be
 * made (no CJK font for the PDF, a bad date) is answered with a page in words, never with raw JSON.
 */
@Controller
class StatementDownloadsController {

	private final Statements statements;
	private final Receipts receipts;

	StatementDownloadsController(Statements statements, Receipts receipts) {
		this.statements = statements;
		this.receipts = receipts;
	}

	@GetMapping("/statements/{date}/file")
	ResponseEntity<byte[]> dailyFile(@PathVariable String date, @RequestParam(defaultValue = "csv") String format,
			CurrentUser user) {
		return StatementController.download(statements.dailyFile(user.requireMerchant(), StatementController.day(date),
				StatementController.format(format)));
	}

	@GetMapping("/receipts/{number}/pdf")
	ResponseEntity<byte[]> receiptPdf(@PathVariable String number, CurrentUser user) {
		return StatementController.download(receipts.pdf(user.requireMerchant(), number));
	}

	/**
	 * The statement line's receipt button: issues the receipt if it is the first time (so a POST: a GET changes
	 * nothing), then downloads it.
	 */
	@PostMapping("/receipts/for")
	ResponseEntity<byte[]> receiptFor(@RequestParam String entryKind, @RequestParam String entryReference,
			CurrentUser user) {
		Receipt receipt = receipts.issue(user.requireMerchant(), entryKind, entryReference);
		return StatementController.download(receipts.pdf(user.requireMerchant(), receipt.number()));
	}

	@ExceptionHandler(StateConflictException.class)
	ModelAndView cannotBeMade(StateConflictException e, HttpServletRequest request) {
		return ErrorPages.of(HttpStatus.CONFLICT, "problem." + e.code() + ".detail", request);
	}

	@ExceptionHandler(ValidationFailedException.class)
	ModelAndView badInput(HttpServletRequest request) {
		return ErrorPages.of(HttpStatus.BAD_REQUEST, "error.page.400", request);
	}
}
