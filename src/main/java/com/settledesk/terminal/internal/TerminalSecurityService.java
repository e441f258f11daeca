package com.settledesk.terminal.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.OneTimeCodes;
import com.settledesk.identity.OtpPurpose;
import com.settledesk.identity.Role;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.FreeText;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.RateLimitedException;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.LockReason;
import com.settledesk.terminal.TerminalSecurity;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalView;

@Service
class TerminalSecurityService implements TerminalSecurity {

	private static final Logger log = LoggerFactory.getLogger(TerminalSecurityService.class);
	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

	private final TerminalRepository terminals;
	private final TerminalChanges changes;
	private final ActivationCodes activationCodes;
	private final TerminalKeys keys;
	private final SensitiveDataProtector protector;
	private final OneTimeCodes oneTimeCodes;
	private final Merchants merchants;
	private final Notifications notifications;
	private final TransactionTemplate transactions;
	private final SecureRandom random = new SecureRandom();
	/** Failed activations one address may make in a window, across terminals (someone guessing at many). */
	private final int maxAddressFailures;

	TerminalSecurityService(TerminalRepository terminals, TerminalChanges changes, ActivationCodes activationCodes,
			TerminalKeys keys, SensitiveDataProtector protector, OneTimeCodes oneTimeCodes, Merchants merchants,
			Notifications notifications, TransactionTemplate transactions,
			@Value("${settledesk.terminal.activation.max-failures-per-address:20}") int maxAddressFailures) {
		this.maxAddressFailures = maxAddressFailures;
		this.terminals = terminals;
		this.changes = changes;
		this.activationCodes = activationCodes;
		this.keys = keys;
		this.protector = protector;
		this.oneTimeCodes = oneTimeCodes;
		this.merchants = merchants;
		this.notifications = notifications;
		this.transactions = transactions;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> activationCode(MerchantId merchantId, String serialNo) {
		return terminals.load(serialNo)
			.filter(t -> merchantId.equals(t.merchantId) && t.status == TerminalStatus.SHIPPED && t.activationCode != null)
			.map(t -> activationCodes.reveal(t.activationCode));
	}

	@Override
	public Activation activate(String serialNo, String activationCode, String clientAddress) {
		String serial = serialNo == null ? "" : serialNo.trim().toUpperCase();
		if (serialNo == null || serialNo.isBlank()) {
			throw new ValidationFailedException(new FieldViolation("serialNumber", "REQUIRED"));
		}
		if (activationCode == null || activationCode.isBlank()) {
			throw new ValidationFailedException(new FieldViolation("activationCode", "REQUIRED"));
		}
		String address = clientAddress == null ? "unknown" : clientAddress;
		if (terminals.activationFailures(address, changes.now(), ADDRESS_WINDOW) >= maxAddressFailures) {
			throw new RateLimitedException("TOO_MANY_ACTIVATION_ATTEMPTS", ADDRESS_WINDOW);
		}
		ActivationOutcome outcome = transactions.execute(status -> attempt(serial, activationCode, address));
		return switch (outcome.result()) {
			case ACTIVATED -> outcome.activation();
			case LOCKED -> throw new RateLimitedException("TERMINAL_LOCKED", Duration.ofHours(24));
			case WRONG -> throw new ValidationFailedException(new FieldViolation("activationCode", "ACTIVATION_FAILED"));
		};
	}

	private ActivationOutcome attempt(String serial, String code, String address) {
		Optional<Terminal> found = serial.matches(TerminalStockService.SERIAL_PATTERN) ? terminals.lock(serial)
				: Optional.empty();
		if (found.isPresent() && found.get().status == TerminalStatus.LOCKED
				&& found.get().lockReason == LockReason.ACTIVATION_ATTEMPTS) {
			return ActivationOutcome.of(ActivationResult.LOCKED);
		}
		if (found.isEmpty() || found.get().status != TerminalStatus.SHIPPED) {
			terminals.countActivationFailure(address, changes.now(), ADDRESS_WINDOW);
			return ActivationOutcome.of(ActivationResult.WRONG);
		}
		Terminal terminal = found.get();
		if (!activationCodes.matches(terminal.activationCode, code)) {
			terminals.countActivationFailure(address, changes.now(), ADDRESS_WINDOW);
			boolean locked = terminal.activationFailed(changes.now());
			changes.save(terminal, null, locked ? "LOCKED" : "ACTIVATION_FAILED",
					"failure " + terminal.activationFailures + " from " + address, "terminal");
			if (locked) {
				log.warn("Terminal {} locked after {} wrong activation codes", serial, terminal.activationFailures);
				tell(terminal.merchantId, "notice.terminal.lockedAttempts", serial);
			}
			return ActivationOutcome.of(locked ? ActivationResult.LOCKED : ActivationResult.WRONG);
		}
		String masterKey = keys.newKeyHex();
		String macKey = keys.newKeyHex();
		String transportKey = protector.decrypt(transportKey(terminal.modelCode));
		terminal.activate(newTerminalId(), protector.encrypt(masterKey), protector.encrypt(macKey), changes.now());
		changes.save(terminal, null, "ACTIVATED", "terminal id " + terminal.terminalId, "terminal");
		MerchantProfile merchant = merchants.find(terminal.merchantId).orElseThrow();
		tell(terminal.merchantId, "notice.terminal.activated", serial);
		return new ActivationOutcome(ActivationResult.ACTIVATED,
				new Activation(terminal.terminalId, merchant.merchantNo(), serial, keys.encryptUnder(transportKey, masterKey),
						keys.checkValue(masterKey), keys.encryptUnder(masterKey, macKey), keys.checkValue(macKey)));
	}

	/** The model's transport key, made at first use when the vendor has not been given one yet. */
	EncryptedValue transportKey(String modelCode) {
		return terminals.transportKey(modelCode)
			.orElseGet(() -> terminals.setTransportKeyIfAbsent(modelCode, protector.encrypt(keys.newKeyHex())));
	}

	private String newTerminalId() {
		while (true) {
			// 3xxxxxxx–9xxxxxxx: the 1 and 2 ranges are the published demo terminals.
			String candidate = String.valueOf(30_000_000 + random.nextInt(70_000_000));
			if (!terminals.terminalIdTaken(candidate)) {
				return candidate;
			}
		}
	}

	@Override
	public void sendReportLostCode(CurrentUser owner) {
		requireOwner(owner);
		MerchantProfile merchant = merchants.find(owner.requireMerchant())
			.orElseThrow(() -> new ResourceNotFoundException("Merchant"));
		oneTimeCodes.send(owner.userId(), OtpPurpose.TERMINAL_REPORT_LOST, merchant.contactPhone(), merchant.language());
	}

	@Override
	public TerminalView reportLost(CurrentUser owner, String serialNo, String otp) {
		requireOwner(owner);
		MerchantId merchantId = owner.requireMerchant();
		TerminalView terminal = terminals.find(serialNo).filter(t -> merchantId.equals(t.merchantId()))
			.orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		if (terminal.status() == TerminalStatus.LOCKED && terminal.lockReason() == LockReason.REPORTED_LOST) {
			return terminal;
		}
		if (otp == null || otp.isBlank()) {
			throw new ValidationFailedException(new FieldViolation("otp", "REQUIRED"));
		}
		if (!oneTimeCodes.verify(owner.userId(), OtpPurpose.TERMINAL_REPORT_LOST, otp)) {
			throw new ValidationFailedException(new FieldViolation("otp", "OTP_INVALID"));
		}
		return transactions.execute(status -> {
			Terminal locked = terminals.lock(serialNo).filter(t -> merchantId.equals(t.merchantId))
				.orElseThrow(() -> new ResourceNotFoundException("Terminal"));
			locked.lock(LockReason.REPORTED_LOST, changes.now());
			changes.save(locked, null, "LOCKED", "reported lost by the owner", owner.username());
			tell(merchantId, "notice.terminal.reportedLost", serialNo);
			return terminals.find(serialNo).orElseThrow();
		});
	}

	@Override
	@Transactional
	public TerminalView unlock(String serialNo, String note, String by) {
		String checked = FreeText.required("note", note, 500);
		Terminal terminal = terminals.lock(serialNo).orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		EncryptedValue freshCode = terminal.needsActivationCodeOnUnlock() && terminal.status == TerminalStatus.LOCKED
				? activationCodes.issue(terminal.merchantId, serialNo) : null;
		terminal.unlock(freshCode, changes.now());
		changes.save(terminal, null, "UNLOCKED", checked, by);
		tell(terminal.merchantId, "notice.terminal.unlocked", serialNo);
		return terminals.find(serialNo).orElseThrow();
	}

	@Override
	@Transactional
	public boolean macFailed(String terminalId) {
		Optional<Terminal> found = terminals.lockByTerminalId(terminalId);
		if (found.isEmpty()) {
			return false;
		}
		Terminal terminal = found.get();
		boolean locked = terminal.macFailed(changes.now());
		if (locked) {
			log.warn("Terminal {} ({}) locked after {} MAC failures in a row", terminal.serialNo, terminalId,
					Terminal.MAX_MAC_FAILURES);
			changes.save(terminal, null, "LOCKED", Terminal.MAX_MAC_FAILURES + " MAC failures in a row", "terminal-host");
			tell(terminal.merchantId, "notice.terminal.lockedMac", terminal.serialNo);
		}
		else if (terminal.status == TerminalStatus.ACTIVE) {
			changes.save(terminal, null, "MAC_FAILED", "failure " + terminal.macFailures, "terminal-host");
		}
		return terminal.status == TerminalStatus.LOCKED;
	}

	/** One statement, no lock: nearly always there is no run of failures to end. */
	@Override
	public void macVerified(String terminalId) {
		terminals.endMacFailures(terminalId).ifPresent(serial -> terminals.recordEvent(serial, null, "MAC_VERIFIED", null,
				"terminal-host", changes.now()));
	}

	private void tell(MerchantId merchantId, String notice, String serialNo) {
		if (merchantId == null) {
			return;
		}
		merchants.find(merchantId).ifPresent(merchant -> notifications.notifyMerchant(
				new Recipient(merchant.id(), merchant.contactPhone(), merchant.language()), NoticeKind.SECURITY, notice,
				new Object[] { serialNo }));
	}

	private static void requireOwner(CurrentUser user) {
		if (user.role() != Role.MERCHANT_OWNER) {
			throw new AccessDeniedException("Only the merchant owner acts on terminals");
		}
	}

	private enum ActivationResult {
		ACTIVATED, WRONG, LOCKED
	}

	private record ActivationOutcome(ActivationResult result, Activation activation) {

		static ActivationOutcome of(ActivationResult result) {
			return new ActivationOutcome(result, null);
		}

		@Override
		public String toString() {
			return "ActivationOutcome[" + result + "]";
		}
	}
}
