package com.settledesk.terminal.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.SettlementAccountId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.LockReason;
import com.settledesk.terminal.TerminalEvent;
import com.settledesk.terminal.TerminalModel;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

@Service
class TerminalRegister implements Terminals {

	private final TerminalRepository terminals;
	private final TerminalChanges changes;
	private final SensitiveDataProtector protector;
	private final AuditLog audit;

	TerminalRegister(TerminalRepository terminals, TerminalChanges changes, SensitiveDataProtector protector,
			AuditLog audit) {
		this.terminals = terminals;
		this.changes = changes;
		this.protector = protector;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TerminalView> findBySerialNo(String serialNo) {
		return serialNo == null ? Optional.empty() : terminals.find(serialNo);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TerminalView> findByTerminalId(String terminalId) {
		return terminalId == null ? Optional.empty() : terminals.findByTerminalId(terminalId);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, TerminalView> findBySerialNos(Collection<String> serialNos) {
		return terminals.findAll(serialNos);
	}

	@Override
	public Supplier<Map<String, TerminalView>> findBySerialNosLater(Collection<String> serialNos) {
		return terminals.findAllLater(serialNos);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalView> ofMerchant(MerchantId merchantId) {
		return terminals.ofMerchant(merchantId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalView> search(String serialOrTerminalId, MerchantId merchantId, TerminalStatus status, int limit) {
		String number = serialOrTerminalId == null || serialOrTerminalId.isBlank() ? null : serialOrTerminalId.trim();
		return terminals.search(number, merchantId, status, Math.max(1, Math.min(limit, 500)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalEvent> history(String serialNo) {
		return terminals.events(serialNo);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalView> alerts() {
		return terminals.lockedFor(EnumSet.of(LockReason.ACTIVATION_ATTEMPTS, LockReason.MAC_FAILURES, LockReason.TAMPER));
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalModel> models() {
		return terminals.models();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TerminalModel> model(String code) {
		return code == null ? Optional.empty() : terminals.model(code);
	}

	@Override
	@Transactional
	public TerminalView registerActive(String serialNo, String modelCode, MerchantId merchantId,
			SettlementAccountId settlementAccountId, String installAddress) {
		TerminalModel model = terminals.model(modelCode)
			.orElseThrow(() -> new ValidationFailedException(new FieldViolation("modelCode", "UNKNOWN_MODEL")));
		if (!terminals.insert(serialNo, model.code(), model.name(), TerminalStatus.ACTIVE, merchantId, settlementAccountId,
				installAddress, changes.now())) {
			throw new StateConflictException("TERMINAL_EXISTS", "The serial number is registered");
		}
		terminals.recordEvent(serialNo, merchantId, "REGISTERED", installAddress, "system", changes.now());
		audit.record(AuditEvent.of("TERMINAL_REGISTERED", "TERMINAL", serialNo)
			.after(Map.of("merchantId", merchantId.toString(), "settlementAccountId", settlementAccountId.toString())));
		return terminals.find(serialNo).orElseThrow();
	}

	@Override
	@Transactional
	public void injectMasterKey(String serialNo, String terminalId, String masterKeyHex) {
		if (masterKeyHex == null || !masterKeyHex.matches("[0-9A-Fa-f]{32}") || terminalId == null
				|| !terminalId.matches("[0-9]{8}")) {
			throw new IllegalArgumentException("A terminal id has 8 digits and a master key 32 hex digits");
		}
		Terminal terminal = terminals.lock(serialNo).orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		if (terminal.terminalId != null && !terminal.terminalId.equals(terminalId)) {
			throw new StateConflictException("TERMINAL_ID_ASSIGNED", "The terminal has another terminal id");
		}
		terminal.terminalId = terminalId;
		terminal.masterKey = protector.encrypt(masterKeyHex.toUpperCase());
		if (terminal.activatedAt == null && terminal.status == TerminalStatus.ACTIVE) {
			terminal.activatedAt = changes.now();
		}
		changes.save(terminal, null, "KEY_INJECTED", null, "system");
	}

	@Override
	@Transactional
	public int rebindSettlementAccount(MerchantId merchantId, SettlementAccountId accountId, String reason) {
		List<UUID> bound = terminals.idsOfMerchant(merchantId);
		bound.forEach(terminal -> terminals.rebind(terminal, merchantId, accountId, reason, changes.now()));
		audit.record(AuditEvent.of("TERMINALS_REBOUND", "MERCHANT", merchantId.toString()).by("system")
			.after(Map.of("settlementAccountId", accountId.toString(), "terminals", bound.size(), "reason", reason)));
		return bound.size();
	}
}
