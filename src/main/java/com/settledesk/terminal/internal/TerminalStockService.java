package com.settledesk.terminal.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalModel;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalStock;
import com.settledesk.terminal.TerminalView;

@Service
class TerminalStockService implements TerminalStock {

	static final String SERIAL_PATTERN = "[A-Z0-9]{6,32}";
	private static final int MAX_RECEIVED_AT_ONCE = 500;

	private final TerminalRepository terminals;
	private final TerminalChanges changes;
	private final ActivationCodes activationCodes;
	private final AuditLog audit;

	TerminalStockService(TerminalRepository terminals, TerminalChanges changes, ActivationCodes activationCodes,
			AuditLog audit) {
		this.terminals = terminals;
		this.changes = changes;
		this.activationCodes = activationCodes;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> counts() {
		return terminals.stockCounts();
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalView> inStock(String modelCode, int limit) {
		return terminals.inStock(modelCode, Math.max(1, Math.min(limit, 1000)));
	}

	@Override
	@Transactional
	public int receive(String modelCode, List<String> serialNumbers, String by) {
		TerminalModel model = terminals.model(modelCode)
			.orElseThrow(() -> new ValidationFailedException(new FieldViolation("modelCode", "UNKNOWN_MODEL")));
		List<String> serials = validSerials(serialNumbers, MAX_RECEIVED_AT_ONCE);
		for (String serial : serials) {
			if (!terminals.insert(serial, model.code(), model.name(), TerminalStatus.IN_STOCK, null, null, null,
					changes.now())) {
				throw new StateConflictException("SERIAL_NUMBER_EXISTS", "Serial number " + serial + " is registered");
			}
			terminals.recordEvent(serial, null, "RECEIVED_INTO_STOCK", null, by, changes.now());
		}
		audit.record(AuditEvent.of("TERMINAL_STOCK_RECEIVED", "TERMINAL_MODEL", model.code()).by(by)
			.after(Map.of("count", serials.size(), "serialNumbers", String.join(",", serials))));
		return serials.size();
	}

	@Override
	@Transactional
	public List<TerminalView> ship(Shipment shipment) {
		List<String> serials = validSerials(shipment.serialNumbers(), 5);
		List<TerminalView> shipped = new ArrayList<>();
		// Locked in a fixed order, so two operators shipping overlapping sets cannot deadlock.
		for (String serial : new TreeSet<>(serials)) {
			Terminal terminal = terminals.lock(serial)
				.filter(t -> t.modelCode.equals(shipment.modelCode()) && t.status == TerminalStatus.IN_STOCK)
				.orElseThrow(() -> new StateConflictException("SERIAL_NOT_IN_STOCK",
						"Serial number " + serial + " is not in stock for this model"));
			terminal.ship(shipment.applicationId(), shipment.merchantId(), shipment.settlementAccountId(),
					shipment.installAddress(), activationCodes.issue(shipment.merchantId(), serial), changes.now());
			changes.save(terminal, null, "SHIPPED", null, shipment.by());
			shipped.add(terminals.find(serial).orElseThrow());
		}
		return shipped;
	}

	static List<String> validSerials(List<String> serialNumbers, int max) {
		if (serialNumbers == null || serialNumbers.isEmpty()) {
			throw new ValidationFailedException(new FieldViolation("serialNumbers", "REQUIRED"));
		}
		if (serialNumbers.size() > max) {
			throw new ValidationFailedException(new FieldViolation("serialNumbers", "TOO_MANY"));
		}
		List<String> serials = new ArrayList<>();
		for (int i = 0; i < serialNumbers.size(); i++) {
			String serial = serialNumbers.get(i) == null ? "" : serialNumbers.get(i).trim().toUpperCase();
			if (!serial.matches(SERIAL_PATTERN)) {
				throw new ValidationFailedException(new FieldViolation("serialNumbers[" + i + "]", "INVALID_FORMAT"));
			}
			serials.add(serial);
		}
		if (new HashSet<>(serials).size() != serials.size()) {
			throw new ValidationFailedException(new FieldViolation("serialNumbers", "DUPLICATE"));
		}
		return serials;
	}
}
