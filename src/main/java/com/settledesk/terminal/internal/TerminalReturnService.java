package com.settledesk.terminal.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.FreeText;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalReturned;
import com.settledesk.terminal.TerminalReturns;
import com.settledesk.terminal.TerminalView;

@Service
class TerminalReturnService implements TerminalReturns {

	private static final int MAX_TEXT = 500;
	private static final int MAX_ADDRESS = 300;

	private final TerminalRepository terminals;
	private final TerminalReturnRepository returns;
	private final TerminalChanges changes;
	private final AuditLog audit;
	private final Merchants merchants;
	private final Notifications notifications;

	TerminalReturnService(TerminalRepository terminals, TerminalReturnRepository returns, TerminalChanges changes,
			AuditLog audit, Merchants merchants, Notifications notifications) {
		this.terminals = terminals;
		this.returns = returns;
		this.changes = changes;
		this.audit = audit;
		this.merchants = merchants;
		this.notifications = notifications;
	}

	@Override
	@Transactional
	public Relocation requestRelocation(MerchantId merchantId, String serialNo, String toAddress, String reason,
			String by) {
		String address = FreeText.required("installationAddress", toAddress, MAX_ADDRESS);
		String why = FreeText.required("reason", reason, MAX_TEXT);
		Terminal terminal = ownTerminal(merchantId, serialNo);
		if (!terminal.status.isBound() || terminal.status == com.settledesk.terminal.TerminalStatus.RETURNING) {
			throw new StateConflictException("TERMINAL_NOT_BOUND", "The terminal is on its way back");
		}
		if (address.equals(terminal.installAddress)) {
			throw new ValidationFailedException(new FieldViolation("installationAddress", "SAME_ADDRESS"));
		}
		UUID id = UUID.randomUUID();
		if (!returns.insertRelocation(id, terminal.serialNo, merchantId, terminal.installAddress, address, why, by,
				changes.now())) {
			throw new StateConflictException("RELOCATION_PENDING", "A relocation of this terminal waits for review");
		}
		terminals.recordEvent(terminal.serialNo, merchantId, "RELOCATION_REQUESTED", address, by, changes.now());
		audit.record(AuditEvent.of("TERMINAL_RELOCATION_REQUESTED", "TERMINAL", terminal.serialNo).by(by)
			.after(java.util.Map.of("toAddress", address, "reason", why)));
		return returns.lockRelocation(id).orElseThrow();
	}

	@Override
	@Transactional
	public Relocation decideRelocation(UUID relocationId, boolean approve, String note, String by) {
		String decisionNote = approve ? FreeText.optional("note", note, MAX_TEXT) : FreeText.required("note", note, MAX_TEXT);
		Relocation relocation = returns.lockRelocation(relocationId)
			.orElseThrow(() -> new ResourceNotFoundException("Relocation"));
		if (relocation.status() != RelocationStatus.PENDING) {
			throw new StateConflictException("RELOCATION_DECIDED", "The relocation was decided already");
		}
		if (approve) {
			Terminal terminal = terminals.lock(relocation.serialNo())
				.filter(t -> relocation.merchantId().equals(t.merchantId))
				.orElseThrow(() -> new StateConflictException("TERMINAL_NOT_BOUND", "The terminal left the merchant"));
			terminal.relocate(relocation.toAddress());
			changes.save(terminal, null, "RELOCATED", relocation.toAddress(), by);
		}
		returns.decideRelocation(relocationId, approve ? RelocationStatus.APPROVED : RelocationStatus.REJECTED,
				decisionNote, by, changes.now());
		audit.record(AuditEvent.of(approve ? "TERMINAL_RELOCATION_APPROVED" : "TERMINAL_RELOCATION_REJECTED", "TERMINAL",
				relocation.serialNo()).by(by).after(java.util.Map.of("toAddress", relocation.toAddress(),
						"note", decisionNote == null ? "" : decisionNote)));
		tell(relocation.merchantId(), approve ? "notice.terminal.relocated" : "notice.terminal.relocationRejected",
				relocation.serialNo(), decisionNote);
		return returns.lockRelocation(relocationId).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Relocation> pendingRelocations() {
		return returns.pendingRelocations();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Relocation> relocationsOf(MerchantId merchantId) {
		return returns.relocationsOf(merchantId);
	}

	@Override
	@Transactional
	public TerminalView requestReturn(MerchantId merchantId, String serialNo, String reason, String by) {
		String why = FreeText.optional("reason", reason, MAX_TEXT);
		Terminal terminal = ownTerminal(merchantId, serialNo);
		terminal.requestReturn(changes.now());
		changes.save(terminal, null, "RETURN_REQUESTED", why, by);
		returns.insertReturn(terminal.serialNo, merchantId, terminal.applicationId, why, by, changes.now());
		tell(merchantId, "notice.terminal.returnRequested", terminal.serialNo, null);
		return terminals.find(terminal.serialNo).orElseThrow();
	}

	@Override
	@Transactional
	public TerminalView confirmReceived(String serialNo, String by) {
		Terminal terminal = terminals.lock(serialNo).orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		MerchantId merchantId = terminal.merchantId;
		UUID applicationId = terminal.applicationId;
		terminal.received(changes.now());
		changes.save(terminal, merchantId, "RETURN_RECEIVED", "unbound", by);
		returns.markReceived(serialNo, by, changes.now());
		changes.publish(new TerminalReturned(serialNo, merchantId, applicationId, changes.now()));
		tell(merchantId, "notice.terminal.returned", serialNo, null);
		return terminals.find(serialNo).orElseThrow();
	}

	@Override
	@Transactional
	public TerminalView wipe(String serialNo, String by) {
		Terminal terminal = terminals.lock(serialNo).orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		terminal.wiped(changes.now());
		changes.save(terminal, null, "WIPED", "keys and data erased, back in stock", by);
		returns.markWiped(serialNo, by, changes.now());
		return terminals.find(serialNo).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Return> openReturns() {
		return returns.open();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Return> returnedBy(MerchantId merchantId) {
		return returns.receivedFrom(merchantId);
	}

	private Terminal ownTerminal(MerchantId merchantId, String serialNo) {
		return terminals.lock(serialNo).filter(t -> merchantId.equals(t.merchantId))
			.orElseThrow(() -> new ResourceNotFoundException("Terminal"));
	}

	private void tell(MerchantId merchantId, String notice, String serialNo, String note) {
		merchants.find(merchantId).ifPresent(merchant -> notifications.notifyMerchant(
				new Recipient(merchant.id(), merchant.contactPhone(), merchant.language()), NoticeKind.TERMINAL, notice,
				new Object[] { serialNo, note == null ? "" : note }));
	}
}
