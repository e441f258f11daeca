package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.identity.OneTimeCodes;
import com.settledesk.identity.OtpPurpose;
import com.settledesk.notification.Channel;
import com.settledesk.notification.Notifications;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.RateLimitedException;
import com.settledesk.shared.ValidationFailedException;

/**
 * Getting back into a merchant account without calling anyone (as Chinese merchant apps do): a one-time code by SMS
 * to the registered phone signs in, or sets a new password. Whether a phone is registered is never revealed; the codes
 * keep their limits (one a minute, a daily cap per phone, five wrong tries), and a wrong code counts toward the
 * account's lock like a wrong password. A new password ends every earlier token and web session (they were issued
 * before the change), is told to the phone, and counts as a recent password change for card-change risk.
 */
@Service
public class AccountRecovery {

	private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
	private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
	private static final Pattern DIGIT = Pattern.compile("[0-9]");

	private final UserAccountRepository users;
	private final LoginThrottleRepository throttles;
	private final OneTimeCodes codes;
	private final PasswordEncoder passwordEncoder;
	private final Notifications notifications;
	private final AuditLog audit;
	private final Clock clock;
	private final LoginThrottle.Policy policy;

	AccountRecovery(UserAccountRepository users, LoginThrottleRepository throttles, OneTimeCodes codes,
			PasswordEncoder passwordEncoder, Notifications notifications, AuditLog audit, Clock clock,
			SecurityProperties properties) {
		this.users = users;
		this.throttles = throttles;
		this.codes = codes;
		this.passwordEncoder = passwordEncoder;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
		this.policy = properties.throttlePolicy();
	}

	/**
	 * Sends a code when the phone is a merchant user's; says nothing either way (a refusal by a limit included). Not
	 * one transaction: a code refused by its limits must not undo the record of the refusal.
	 */
	public void sendCode(String phone, String clientIp, Locale language) {
		Optional<UserAccount> user = merchantUser(phone);
		if (user.isEmpty()) {
			audit.record(AuditEvent.of("RECOVERY_CODE_UNKNOWN_PHONE", "USER", Masking.maskSensitiveNumbers(String
				.valueOf(phone))).from(clientIp));
			return;
		}
		try {
			codes.send(user.get().id(), OtpPurpose.ACCOUNT_RECOVERY, phone, language);
		}
		catch (RateLimitedException e) {
			audit.record(AuditEvent.of("RECOVERY_CODE_REFUSED", "USER", Masking.maskPhone(phone)).from(clientIp)
				.after(Map.of("reason", e.code())));
		}
	}

	/** Signs in with a code: a locked account stays locked, a wrong code counts toward the lock. */
	@Transactional
	public LoginOutcome signIn(String phone, String code, String clientIp) {
		Optional<UserAccount> user = merchantUser(phone);
		if (user.isEmpty()) {
			return LoginOutcome.failed();
		}
		Instant now = clock.instant();
		LoginThrottle throttle = throttles.lock(user.get().username());
		if (throttle.isLocked(now)) {
			audit.record(AuditEvent.of("LOGIN_REFUSED_LOCKED", "USER", Masking.maskPhone(phone)).from(clientIp));
			return LoginOutcome.locked();
		}
		if (codes.verify(user.get().id(), OtpPurpose.ACCOUNT_RECOVERY, code)) {
			throttle.recordSuccess();
			throttles.save(throttle);
			audit.record(AuditEvent.of("LOGIN_SUCCEEDED_BY_SMS", "USER", Masking.maskPhone(phone)).from(clientIp));
			return LoginOutcome.succeeded(user.get().toCurrentUser());
		}
		throttle.recordFailure(now, policy);
		throttles.save(throttle);
		audit.record(AuditEvent.of("LOGIN_FAILED_BY_SMS", "USER", Masking.maskPhone(phone)).from(clientIp));
		return LoginOutcome.failed();
	}

	/**
	 * Sets a new password with a code; answers false for a wrong code or an unknown phone (never saying which). A
	 * successful reset also ends a lock from wrong passwords: the owner proved the phone.
	 */
	@Transactional
	public boolean resetPassword(String phone, String code, String newPassword, String clientIp, Locale language) {
		if (newPassword == null || newPassword.length() < 8 || newPassword.length() > 200
				|| !LETTER.matcher(newPassword).find() || !DIGIT.matcher(newPassword).find()) {
			throw new ValidationFailedException(List.of(new FieldViolation("newPassword", "WEAK_PASSWORD")));
		}
		Optional<UserAccount> user = merchantUser(phone);
		if (user.isEmpty() || !codes.verify(user.get().id(), OtpPurpose.ACCOUNT_RECOVERY, code)) {
			user.ifPresent(u -> {
				LoginThrottle throttle = throttles.lock(u.username());
				throttle.recordFailure(clock.instant(), policy);
				throttles.save(throttle);
			});
			audit.record(AuditEvent.of("PASSWORD_RESET_FAILED", "USER", Masking.maskSensitiveNumbers(String
				.valueOf(phone))).from(clientIp));
			return false;
		}
		users.changePassword(user.get().id(), passwordEncoder.encode(newPassword), clock.instant());
		LoginThrottle throttle = throttles.lock(user.get().username());
		throttle.unlock();
		throttles.save(throttle);
		notifications.sendTemplate(phone, Channel.SMS, "sms.passwordReset", new Object[0], language);
		audit.record(AuditEvent.of("PASSWORD_RESET", "USER", Masking.maskPhone(phone)).by(user.get().username())
			.from(clientIp));
		return true;
	}

	/** Merchant users sign in with their registered phone as username. */
	private Optional<UserAccount> merchantUser(String phone) {
		if (phone == null || !PHONE.matcher(phone.strip()).matches()) {
			return Optional.empty();
		}
		return users.findByUsername(phone.strip()).filter(u -> u.role().isMerchantRole() && u.enabled());
	}
}
