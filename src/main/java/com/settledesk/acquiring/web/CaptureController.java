package com.settledesk.acquiring.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ValidationFailedException;

import io.swagger.v3.oas.annotations.Parameter;

/** The gateway's API (api-v1.md, "Acquiring"): capture one or a batch of transactions, refund one. */
@RestController
@RequestMapping("/api/v1/acquiring/transactions")
class CaptureController {

	static final int MAX_BATCH = 1000;

	private final Transactions transactions;

	CaptureController(Transactions transactions) {
		this.transactions = transactions;
	}

	@PostMapping
	ResponseEntity<CaptureResponse> capture(@RequestBody CaptureRequest body) {
		var result = transactions.capture(body.toCapture());
		return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(CaptureResponse.of(result.transaction()));
	}

	@PostMapping("/batch")
	BatchResponse batch(@RequestBody BatchRequest body) {
		if (body.transactions() == null || body.transactions().isEmpty() || body.transactions().size() > MAX_BATCH
				|| body.transactions().contains(null)) {
			throw new ValidationFailedException(new FieldViolation("transactions", "INVALID_LENGTH"));
		}
		var outcomes = transactions.captureAll(body.transactions().stream().map(CaptureRequest::toCapture).toList());
		List<BatchItem> items = new ArrayList<>();
		for (int i = 0; i < outcomes.size(); i++) {
			var outcome = outcomes.get(i);
			String reference = body.transactions().get(i).reference();
			if (outcome.isRejected()) {
				items.add(new BatchItem(reference, "REJECTED", null, null, null,
						outcome.violations().stream().map(v -> v.field() + ":" + v.code()).toList()));
			}
			else {
				var t = outcome.result().transaction();
				items.add(new BatchItem(reference, outcome.result().duplicate() ? "DUPLICATE" : "CREATED", t.id().toString(),
						t.fee().fen(), t.net().fen(), List.of()));
			}
		}
		return new BatchResponse(items);
	}

	/** With an Idempotency-Key, sending the refund again (its answer was lost) answers the first refund. */
	@PostMapping("/{reference}/refund")
	CaptureResponse refund(@PathVariable String reference,
			@Parameter(description = "Any string up to 64 characters; the same key again answers the first refund")
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return CaptureResponse.of(transactions.refund(reference, idempotencyKey));
	}

	/** With an Idempotency-Key, sending the reversal again (its answer was lost) answers the first reversal. */
	@PostMapping("/{reference}/reversal")
	CaptureResponse reverse(@PathVariable String reference,
			@Parameter(description = "Any string up to 64 characters; the same key again answers the first reversal")
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return CaptureResponse.of(transactions.reverse(reference, idempotencyKey));
	}

	record CaptureRequest(String reference, String merchantNo, String terminalSn, String channel, String cardKind,
			Long amountFen, OffsetDateTime occurredAt) {

		Capture toCapture() {
			return new Capture(reference, merchantNo, terminalSn, channel, cardKind, amountFen,
					occurredAt == null ? null : occurredAt.toInstant());
		}
	}

	record CaptureResponse(String id, long feeFen, long netFen) {

		static CaptureResponse of(com.settledesk.acquiring.CapturedTransaction t) {
			return new CaptureResponse(t.id().toString(), t.fee().fen(), t.net().fen());
		}
	}

	record BatchRequest(List<CaptureRequest> transactions) {
	}

	record BatchItem(String reference, String result, String id, Long feeFen, Long netFen, List<String> errors) {
	}

	record BatchResponse(List<BatchItem> results) {
	}
}
