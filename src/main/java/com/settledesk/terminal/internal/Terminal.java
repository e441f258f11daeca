package com.settledesk.terminal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.settledesk.secrets.EncryptedValue;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.terminal.LockReason;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalStatusChanged;

/**
 * A physical terminal and its state machine. Every change is guarded by the current status; an illegal one is a
 * 409 and changes nothing. Status changes register {@link TerminalStatusChanged} events for the caller to publish.
 */
final class Terminal {

	static final int MAX_ACTIVATION_FAILURES = 5;
	static final int MAX_MAC_FAILURES = 3;

	final UUID id;
	final String serialNo;
	final String modelCode;
	String terminalId;
	MerchantId merchantId;
	SettlementAccountId settlementAccountId;
	String installAddress;
	TerminalStatus status;
	LockReason lockReason;
	UUID applicationId;
	EncryptedValue activationCode;
	int activationFailures;
	EncryptedValue masterKey;
	EncryptedValue macKey;
	int macFailures;
	Instant shippedAt;
	Instant activatedAt;
	final long version;
	private final List<TerminalStatusChanged> events = new ArrayList<>();

	Terminal(UUID id, String serialNo, String modelCode, TerminalStatus status, long version) {
		this.id = id;
		this.serialNo = serialNo;
		this.modelCode = modelCode;
		this.status = status;
		this.version = version;
	}

	void ship(UUID application, MerchantId merchant, SettlementAccountId account, String address, EncryptedValue code,
			Instant now) {
		require(EnumSet.of(TerminalStatus.IN_STOCK), "TERMINAL_NOT_IN_STOCK");
		applicationId = application;
		merchantId = merchant;
		settlementAccountId = account;
		installAddress = address;
		activationCode = code;
		activationFailures = 0;
		shippedAt = now;
		moveTo(TerminalStatus.SHIPPED, now);
	}

	void activate(String newTerminalId, EncryptedValue newMasterKey, EncryptedValue newMacKey, Instant now) {
		require(EnumSet.of(TerminalStatus.SHIPPED), "TERMINAL_NOT_AWAITING_ACTIVATION");
		terminalId = newTerminalId;
		masterKey = newMasterKey;
		macKey = newMacKey;
		activationCode = null;
		activationFailures = 0;
		macFailures = 0;
		activatedAt = now;
		moveTo(TerminalStatus.ACTIVE, now);
	}

	/** A wrong activation code; answers whether this one locked the terminal. */
	boolean activationFailed(Instant now) {
		require(EnumSet.of(TerminalStatus.SHIPPED), "TERMINAL_NOT_AWAITING_ACTIVATION");
		activationFailures++;
		if (activationFailures >= MAX_ACTIVATION_FAILURES) {
			lock(LockReason.ACTIVATION_ATTEMPTS, now);
			return true;
		}
		return false;
	}

	/** A wrong MAC; answers whether this one locked the terminal. Already locked: nothing more happens. */
	boolean macFailed(Instant now) {
		if (status != TerminalStatus.ACTIVE) {
			return false;
		}
		macFailures++;
		if (macFailures >= MAX_MAC_FAILURES) {
			lock(LockReason.MAC_FAILURES, now);
			return true;
		}
		return false;
	}

	void lock(LockReason reason, Instant now) {
		require(EnumSet.of(TerminalStatus.SHIPPED, TerminalStatus.ACTIVE), "TERMINAL_NOT_LOCKABLE");
		lockReason = reason;
		moveTo(TerminalStatus.LOCKED, now);
	}

	/**
	 * Back to where it was before the lock: ACTIVE when it had been activated, else SHIPPED with a fresh
	 * activation code (the old one may be known to whoever guessed at it).
	 */
	void unlock(EncryptedValue freshActivationCode, Instant now) {
		require(EnumSet.of(TerminalStatus.LOCKED), "TERMINAL_NOT_LOCKED");
		lockReason = null;
		macFailures = 0;
		activationFailures = 0;
		if (activatedAt != null) {
			moveTo(TerminalStatus.ACTIVE, now);
		}
		else {
			activationCode = freshActivationCode;
			moveTo(TerminalStatus.SHIPPED, now);
		}
	}

	boolean needsActivationCodeOnUnlock() {
		return activatedAt == null;
	}

	void relocate(String address) {
		require(EnumSet.of(TerminalStatus.SHIPPED, TerminalStatus.ACTIVE, TerminalStatus.LOCKED), "TERMINAL_NOT_BOUND");
		installAddress = address;
	}

	void requestReturn(Instant now) {
		require(EnumSet.of(TerminalStatus.SHIPPED, TerminalStatus.ACTIVE, TerminalStatus.LOCKED), "TERMINAL_NOT_BOUND");
		lockReason = null;
		moveTo(TerminalStatus.RETURNING, now);
	}

	/** Received back: unbound from the merchant, its keys and terminal id gone with the binding. */
	void received(Instant now) {
		require(EnumSet.of(TerminalStatus.RETURNING), "TERMINAL_NOT_RETURNING");
		MerchantId previous = merchantId;
		String previousTerminalId = terminalId;
		merchantId = null;
		settlementAccountId = null;
		terminalId = null;
		activationCode = null;
		masterKey = null;
		macKey = null;
		events.add(new TerminalStatusChanged(serialNo, previousTerminalId, previous, status, TerminalStatus.RETURNED, null,
				now));
		status = TerminalStatus.RETURNED;
	}

	void wiped(Instant now) {
		require(EnumSet.of(TerminalStatus.RETURNED), "TERMINAL_NOT_RETURNED");
		applicationId = null;
		installAddress = null;
		shippedAt = null;
		activatedAt = null;
		activationFailures = 0;
		macFailures = 0;
		moveTo(TerminalStatus.IN_STOCK, now);
	}

	List<TerminalStatusChanged> events() {
		return List.copyOf(events);
	}

	private void moveTo(TerminalStatus next, Instant now) {
		events.add(new TerminalStatusChanged(serialNo, terminalId, merchantId, status, next, lockReason, now));
		status = next;
	}

	private void require(Set<TerminalStatus> allowed, String code) {
		if (!allowed.contains(status)) {
			throw new StateConflictException(code, "Not allowed while the terminal is " + status);
		}
	}
}
