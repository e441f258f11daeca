package com.settledesk.terminal.internal;

import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.terminal.TerminalMacs;
import com.settledesk.terminal.TerminalStatus;

@Service
class TerminalMacService implements TerminalMacs {

	private final TerminalRepository terminals;
	private final TerminalKeys keys;
	private final SensitiveDataProtector protector;
	private final TerminalChanges changes;

	TerminalMacService(TerminalRepository terminals, TerminalKeys keys, SensitiveDataProtector protector,
			TerminalChanges changes) {
		this.terminals = terminals;
		this.keys = keys;
		this.protector = protector;
		this.changes = changes;
	}

	@Override
	@Transactional
	public WorkingKey issueMacKey(String terminalId) {
		Terminal terminal = terminals.lockByTerminalId(terminalId)
			.orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		if (terminal.status != TerminalStatus.ACTIVE || terminal.masterKey == null) {
			throw new StateConflictException("TERMINAL_NOT_ACTIVE", "Only an active terminal with a master key signs on");
		}
		String masterKey = protector.decrypt(terminal.masterKey);
		String macKey = keys.newKeyHex();
		terminal.macKey = protector.encrypt(macKey);
		terminals.save(terminal, changes.now());
		return new WorkingKey(keys.encryptUnder(masterKey, macKey), keys.checkValue(macKey));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MacSession> session(String terminalId) {
		return terminals.macKeyOf(terminalId).map(stored -> {
			byte[] key = HexFormat.of().parseHex(protector.decrypt(stored.key()));
			return new MacSession() {

				@Override
				public byte[] mac(byte[] data) {
					return RetailMac.compute(key, data);
				}

				@Override
				public boolean failuresCounting() {
					return stored.failures() > 0;
				}
			};
		});
	}
}
