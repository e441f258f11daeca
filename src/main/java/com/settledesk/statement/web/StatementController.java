package com.settledesk.statement.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.statement.FeeDispute;
import com.settledesk.statement.FeeDisputes;
import com.settledesk.statement.Receipt;
import com.settledesk.statement.Receipts;
import com.settledesk.statement.Statement;
import com.settledesk.statement.StatementFile;
import com.settledesk.statement.StatementFormat;
import com.settledesk.statement.StatementLine;
import com.settledesk.statement.Statements;

/**
 * The merchant's statements, receipts and fee disputes (api-v1.md additions). The portal's downloads are in
 * {@link StatementDownloadsController}, which answers its failures with a page rather than JSON.
 */
@RestController
class StatementController {

	private final Statements statements;
	private final Receipts receipts;
	private final FeeDisputes disputes;

	StatementController(Statements statements, Receipts receipts, FeeDisputes disputes) {
		this.statements = statements;
		this.receipts = receipts;
		this.disputes = disputes;
	}

	@GetMapping("/api/v1/merchant/statements/{date}")
	StatementResponse daily(@PathVariable String date, CurrentUser user) {
		return StatementResponse.of(statements.daily(user.requireMerchant(), day(date)));
	}

	@GetMapping("/api/v1/merchant/statements/{date}/file")
	ResponseEntity<byte[]> dailyFile(@PathVariable String date, @RequestParam(defaultValue = "csv") String format,
			CurrentUser user) {
		return download(statements.dailyFile(user.requireMerchant(), day(date), format(format)));
	}

	@PostMapping("/api/v1/merchant/statements/monthly")
	ResponseEntity<JobStarted> monthly(@RequestBody MonthlyRequest body, CurrentUser user) {
		UUID job = statements.startMonthly(user.requireMerchant(), month(body.month()), format(body.format()),
				user.username());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new JobStarted(job.toString(), "/api/v1/jobs/" + job));
	}

	@PostMapping("/api/v1/merchant/receipts")
	ReceiptResponse issue(@RequestBody FeeReference body, CurrentUser user) {
		return ReceiptResponse.of(receipts.issue(user.requireMerchant(), body.entryKind(), body.entryReference()));
	}

	@GetMapping("/api/v1/merchant/receipts")
	List<ReceiptResponse> receipts(CurrentUser user) {
		return receipts.ofMerchant(user.requireMerchant(), 100).stream().map(ReceiptResponse::of).toList();
	}

	@GetMapping("/api/v1/merchant/receipts/{number}/pdf")
	ResponseEntity<byte[]> receiptPdf(@PathVariable String number, CurrentUser user) {
		return download(receipts.pdf(user.requireMerchant(), number));
	}

	@PostMapping("/api/v1/merchant/fee-disputes")
	ResponseEntity<DisputeResponse> dispute(@RequestBody DisputeRequest body, CurrentUser user) {
		FeeDispute dispute = disputes.raise(user.requireMerchant(), body.entryKind(), body.entryReference(), body.reason(),
				user.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(DisputeResponse.of(dispute));
	}

	@GetMapping("/api/v1/merchant/fee-disputes")
	List<DisputeResponse> myDisputes(CurrentUser user) {
		return disputes.ofMerchant(user.requireMerchant()).stream().map(DisputeResponse::of).toList();
	}

	@GetMapping("/api/v1/ops/fee-disputes")
	List<DisputeResponse> openDisputes() {
		return disputes.open(200).stream().map(DisputeResponse::of).toList();
	}

	@PostMapping("/api/v1/ops/fee-disputes/{id}/resolution")
	ResponseEntity<Void> resolve(@PathVariable UUID id, @RequestBody ResolutionRequest body, CurrentUser user) {
		disputes.resolve(id, body.resolution(), user.username());
		return ResponseEntity.noContent().build();
	}

	static ResponseEntity<byte[]> download(StatementFile file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

	static LocalDate day(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new ValidationFailedException(new FieldViolation("date", "INVALID"));
		}
	}

	private static YearMonth month(String value) {
		try {
			return YearMonth.parse(value == null ? "" : value);
		}
		catch (DateTimeParseException e) {
			throw new ValidationFailedException(new FieldViolation("month", value == null ? "REQUIRED" : "INVALID"));
		}
	}

	static StatementFormat format(String value) {
		try {
			return StatementFormat.valueOf(value == null ? "" : value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new ValidationFailedException(new FieldViolation("format", value == null ? "REQUIRED" : "INVALID"));
		}
	}

	record MonthlyRequest(String month, String format) {
	}

	record JobStarted(String jobId, String statusUrl) {
	}

	record FeeReference(String entryKind, String entryReference) {
	}

	record DisputeRequest(String entryKind, String entryReference, String reason) {
	}

	record ResolutionRequest(String resolution) {
	}

	record LineResponse(OffsetDateTime at, String kind, String entryKind, String entryReference, String reference,
			long amountFen, long feeFen, long effectFen, long balanceAfterFen, String destinationMasked, String status) {

		static LineResponse of(StatementLine l) {
			return new LineResponse(Timestamps.forDisplay(l.at()), l.kind().name(), l.entryKind(), l.entryReference(),
					l.reference(), l.amount().fen(), l.fee().fen(), l.effect().fen(), l.balanceAfter().fen(),
					l.destinationMasked(), l.status());
		}
	}

	record StatementResponse(String merchantNo, String merchantName, LocalDate firstDay, LocalDate lastDay,
			long openingFen, List<LineResponse> lines, long takingsFen, long refundsFen, long feesFen, long payoutsFen,
			long moneyBackFen, long closingFen) {

		static StatementResponse of(Statement s) {
			var h = s.header();
			var t = s.totals();
			return new StatementResponse(h.merchantNo(), h.merchantName(), h.firstDay(), h.lastDay(), h.opening().fen(),
					s.lines().stream().map(LineResponse::of).toList(), t.takings().fen(), t.refunds().fen(), t.fees().fen(),
					t.payouts().fen(), t.moneyBack().fen(), s.closing().fen());
		}
	}

	record ReceiptResponse(String number, String feeKind, String reference, long amountFen, OffsetDateTime chargedAt,
			OffsetDateTime issuedAt, String pdfUrl) {

		static ReceiptResponse of(Receipt r) {
			return new ReceiptResponse(r.number(), r.feeKind().name(), r.reference(), r.amount().fen(),
					Timestamps.forDisplay(r.chargedAt()), Timestamps.forDisplay(r.issuedAt()),
					"/api/v1/merchant/receipts/" + r.number() + "/pdf");
		}
	}

	record DisputeResponse(String id, String merchantId, String feeKind, String entryReference, long feeFen,
			String reason, String status, OffsetDateTime raisedAt, String resolution, OffsetDateTime resolvedAt) {

		static DisputeResponse of(FeeDispute d) {
			return new DisputeResponse(d.id().toString(), d.merchantId().toString(), d.feeKind().name(),
					d.entryReference(), d.fee().fen(), d.reason(), d.status(), Timestamps.forDisplay(d.raisedAt()),
					d.resolution(), Timestamps.forDisplay(d.resolvedAt()));
		}
	}
}
