package com.settledesk.terminal.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.LockReason;
import com.settledesk.terminal.TerminalReturns;
import com.settledesk.terminal.TerminalReturns.Relocation;
import com.settledesk.terminal.TerminalSecurity;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalStock;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

/** Terminal operations' API: stock, the register, unlocking, returns and relocations. */
@RestController
class OpsTerminalsController {

	private final Terminals terminals;
	private final TerminalStock stock;
	private final TerminalSecurity security;
	private final TerminalReturns returns;
	private final Merchants merchants;

	OpsTerminalsController(Terminals terminals, TerminalStock stock, TerminalSecurity security, TerminalReturns returns,
			Merchants merchants) {
		this.terminals = terminals;
		this.stock = stock;
		this.security = security;
		this.returns = returns;
		this.merchants = merchants;
	}

	@GetMapping("/api/v1/ops/terminal-stock")
	List<StockItem> stock(@RequestParam(required = false) String modelCode) {
		return stock.inStock(modelCode, 1000).stream().map(t -> new StockItem(t.serialNo(), t.modelCode())).toList();
	}

	@GetMapping("/api/v1/ops/terminal-stock/counts")
	Map<String, Long> counts() {
		return stock.counts();
	}

	@PostMapping("/api/v1/ops/terminal-stock")
	ResponseEntity<Map<String, Integer>> receive(CurrentUser user, @RequestBody ReceiveRequest body) {
		int received = stock.receive(body.modelCode(), body.serialNumbers(), user.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("received", received));
	}

	@GetMapping("/api/v1/ops/terminals")
	List<TerminalResponse> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String merchantNo, @RequestParam(required = false) String status) {
		MerchantId merchantId = null;
		if (merchantNo != null && !merchantNo.isBlank()) {
			var merchant = merchants.findByMerchantNo(merchantNo.strip());
			if (merchant.isEmpty()) {
				return List.of();
			}
			merchantId = merchant.get().id();
		}
		TerminalStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = TerminalStatus.valueOf(status);
			}
			catch (IllegalArgumentException e) {
				throw new ValidationFailedException(new FieldViolation("status", "INVALID"));
			}
		}
		return terminals.search(q, merchantId, wanted, 200).stream().map(this::response).toList();
	}

	@GetMapping("/api/v1/ops/terminals/{serialNo}")
	TerminalDetail detail(@PathVariable String serialNo) {
		TerminalView terminal = terminals.findBySerialNo(serialNo)
			.orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		return new TerminalDetail(response(terminal), terminals.history(serialNo).stream()
			.map(e -> new EventResponse(e.event(), e.note(), e.by(), Timestamps.forDisplay(e.at()))).toList());
	}

	@PostMapping("/api/v1/ops/terminals/{serialNo}/unlock")
	TerminalResponse unlock(CurrentUser user, @PathVariable String serialNo, @RequestBody(required = false) Note body) {
		return response(security.unlock(serialNo, body == null ? null : body.note(), user.username()));
	}

	@PostMapping("/api/v1/ops/terminals/{serialNo}/return-received")
	TerminalResponse received(CurrentUser user, @PathVariable String serialNo) {
		return response(returns.confirmReceived(serialNo, user.username()));
	}

	@PostMapping("/api/v1/ops/terminals/{serialNo}/wipe")
	TerminalResponse wipe(CurrentUser user, @PathVariable String serialNo) {
		return response(returns.wipe(serialNo, user.username()));
	}

	@GetMapping("/api/v1/ops/terminal-relocations")
	List<RelocationResponse> relocations() {
		return returns.pendingRelocations().stream().map(this::relocation).toList();
	}

	@PostMapping("/api/v1/ops/terminal-relocations/{id}/approve")
	RelocationResponse approve(CurrentUser user, @PathVariable String id, @RequestBody(required = false) Note body) {
		return relocation(returns.decideRelocation(parse(id), true, body == null ? null : body.note(), user.username()));
	}

	@PostMapping("/api/v1/ops/terminal-relocations/{id}/reject")
	RelocationResponse reject(CurrentUser user, @PathVariable String id, @RequestBody(required = false) Note body) {
		return relocation(returns.decideRelocation(parse(id), false, body == null ? null : body.note(), user.username()));
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Relocation");
		}
	}

	private RelocationResponse relocation(Relocation r) {
		String merchantNo = merchants.find(r.merchantId()).map(MerchantProfile::merchantNo).orElse(null);
		return new RelocationResponse(r.id().toString(), r.serialNo(), merchantNo, r.fromAddress(), r.toAddress(),
				r.reason(), r.status().name(), r.requestedBy(), Timestamps.forDisplay(r.requestedAt()), r.decidedBy(),
				Timestamps.forDisplay(r.decidedAt()), r.decisionNote());
	}

	private TerminalResponse response(TerminalView t) {
		String merchantNo = t.merchantId() == null ? null
				: merchants.find(t.merchantId()).map(MerchantProfile::merchantNo).orElse(null);
		return new TerminalResponse(t.serialNo(), t.terminalId(), t.modelCode(), t.model(), merchantNo, t.status(),
				t.lockReason(), t.installAddress(), Timestamps.forDisplay(t.shippedAt()), Timestamps.forDisplay(t.activatedAt()));
	}

	record RelocationResponse(String id, String serialNumber, String merchantNo, String fromAddress, String toAddress,
			String reason, String status, String requestedBy, OffsetDateTime requestedAt, String decidedBy,
			OffsetDateTime decidedAt, String decisionNote) {
	}

	record StockItem(String serialNumber, String modelCode) {
	}

	record ReceiveRequest(String modelCode, List<String> serialNumbers) {
	}

	record Note(String note) {
	}

	record TerminalResponse(String serialNumber, String terminalId, String modelCode, String modelName,
			String merchantNo, TerminalStatus status, LockReason lockReason, String installationAddress,
			OffsetDateTime shippedAt, OffsetDateTime activatedAt) {
	}

	record EventResponse(String event, String note, String by, OffsetDateTime at) {
	}

	record TerminalDetail(TerminalResponse terminal, List<EventResponse> history) {
	}
}
