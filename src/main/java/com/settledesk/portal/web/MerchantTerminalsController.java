package com.settledesk.portal.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.acquiring.Transactions;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.Timestamps;
import com.settledesk.terminal.LockReason;
import com.settledesk.terminal.TerminalReturns;
import com.settledesk.terminal.TerminalSecurity;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

/**
 * The merchant's terminals (api-v1.md, "Terminals"): the list with the last sale of each, the activation code for
 * the owner only, lost reports, returns and relocation requests.
 */
@RestController
class MerchantTerminalsController {

	private final Terminals terminals;
	private final TerminalSecurity security;
	private final TerminalReturns returns;
	private final Transactions transactions;

	MerchantTerminalsController(Terminals terminals, TerminalSecurity security, TerminalReturns returns,
			Transactions transactions) {
		this.terminals = terminals;
		this.security = security;
		this.returns = returns;
		this.transactions = transactions;
	}

	@GetMapping("/api/v1/merchant/terminals")
	List<TerminalResponse> list(CurrentUser user) {
		var merchantId = user.requireMerchant();
		List<TerminalView> bound = terminals.ofMerchant(merchantId);
		Map<String, Instant> lastSale = transactions.lastSaleByTerminal(merchantId,
				bound.stream().map(TerminalView::serialNo).toList());
		List<TerminalResponse> list = new ArrayList<>();
		bound.forEach(t -> list.add(TerminalResponse.of(t, lastSale.get(t.serialNo()), null)));
		returns.returnedBy(merchantId).stream()
			.filter(r -> bound.stream().noneMatch(t -> t.serialNo().equals(r.serialNo())))
			.forEach(r -> list.add(new TerminalResponse(r.serialNo(), null, r.modelCode(), null, TerminalStatus.RETURNED,
					null, null, null, null)));
		return list;
	}

	@GetMapping("/api/v1/merchant/terminals/{serialNumber}")
	TerminalResponse detail(CurrentUser user, @PathVariable String serialNumber) {
		var merchantId = user.requireMerchant();
		TerminalView terminal = terminals.findBySerialNo(serialNumber).filter(t -> merchantId.equals(t.merchantId()))
			.orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		String code = user.role() == Role.MERCHANT_OWNER ? security.activationCode(merchantId, serialNumber).orElse(null)
				: null;
		Instant lastSale = transactions.lastSaleByTerminal(merchantId, List.of(serialNumber)).get(serialNumber);
		return TerminalResponse.of(terminal, lastSale, code);
	}

	@PostMapping("/api/v1/merchant/terminals/{serialNumber}/report-lost")
	TerminalResponse reportLost(CurrentUser user, @PathVariable String serialNumber, @RequestBody OtpBody body) {
		return TerminalResponse.of(security.reportLost(user, serialNumber, body.otp()), null, null);
	}

	@PostMapping("/api/v1/merchant/terminals/{serialNumber}/return")
	TerminalResponse requestReturn(CurrentUser user, @PathVariable String serialNumber,
			@RequestBody(required = false) ReasonBody body) {
		return TerminalResponse.of(returns.requestReturn(user.requireMerchant(), serialNumber,
				body == null ? null : body.reason(), user.username()), null, null);
	}

	@PostMapping("/api/v1/merchant/terminals/{serialNumber}/relocation")
	ResponseEntity<RelocationResponse> relocate(CurrentUser user, @PathVariable String serialNumber,
			@RequestBody RelocationBody body) {
		var relocation = returns.requestRelocation(user.requireMerchant(), serialNumber, body.installationAddress(),
				body.reason(), user.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(new RelocationResponse(relocation.id().toString(),
				relocation.serialNo(), relocation.toAddress(), relocation.status().name(),
				Timestamps.forDisplay(relocation.requestedAt())));
	}

	record OtpBody(String otp) {
	}

	record ReasonBody(String reason) {
	}

	record RelocationBody(String installationAddress, String reason) {
	}

	record RelocationResponse(String id, String serialNumber, String installationAddress, String status,
			OffsetDateTime requestedAt) {
	}

	record TerminalResponse(String serialNumber, String terminalId, String modelCode, String modelName,
			TerminalStatus status, LockReason lockReason, String installationAddress, OffsetDateTime lastTransactionAt,
			String activationCode) {

		static TerminalResponse of(TerminalView t, Instant lastSale, String activationCode) {
			return new TerminalResponse(t.serialNo(), t.terminalId(), t.modelCode(), t.model(), t.status(), t.lockReason(),
					t.installAddress(), Timestamps.forDisplay(lastSale), activationCode);
		}

		@Override
		public String toString() {
			return "TerminalResponse[serialNumber=" + serialNumber + ", status=" + status + "]";
		}
	}
}
