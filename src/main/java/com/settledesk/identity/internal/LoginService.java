package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.shared.Masking;

/**
 * Checks a username and password for both the token endpoint and the web form. Every outcome is audited;
 * failures count towards a lock. An unknown name costs the same hashing work as a known one.
 */
@Service
public class LoginService {

	private static final int MAX_USERNAME = 64;

	private final UserAccountRepository users;
	private final KnownAddresses addresses;
	private final LoginThrottleRepository throttles;
	private final PasswordEncoder passwordEncoder;
	private final AuditLog audit;
	private final Clock clock;
	private final LoginThrottle.Policy policy;
	private final String dummyHash;

	LoginService(UserAccountRepository users, KnownAddresses addresses, LoginThrottleRepository throttles,
			PasswordEncoder passwordEncoder, AuditLog audit, Clock clock, SecurityProperties properties) {
		this.users = users;
		this.addresses = addresses;
		this.throttles = throttles;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
		this.policy = properties.throttlePolicy();
		this.dummyHash = passwordEncoder.encode("not-a-password-of-anyone");
	}

	@Transactional
	public LoginOutcome authenticate(String rawUsername, String password, String clientIp) {
		String username = rawUsername == null ? "" : rawUsername.trim();
		if (username.isEmpty() || username.length() > MAX_USERNAME || password == null) {
			passwordEncoder.matches("", dummyHash);
			return LoginOutcome.failed();
		}
		Instant now = clock.instant();
		LoginThrottle throttle = throttles.lock(username);
		if (throttle.isLocked(now)) {
			record("LOGIN_REFUSED_LOCKED", username, clientIp, null);
			return LoginOutcome.locked();
		}
		Optional<UserAccount> user = users.findByUsername(username);
		boolean matches = passwordEncoder.matches(password, user.map(UserAccount::passwordHash).orElse(dummyHash));
		if (matches && user.get().enabled()) {
			throttle.recordSuccess();
			throttles.save(throttle);
			addresses.remember(user.get().id(), clientIp);
			record("LOGIN_SUCCEEDED", username, clientIp, Map.of("role", user.get().role().name()));
			return LoginOutcome.succeeded(user.get().toCurrentUser());
		}
		boolean lockStarted = throttle.recordFailure(now, policy);
		throttles.save(throttle);
		record("LOGIN_FAILED", username, clientIp, null);
		if (lockStarted) {
			record("LOGIN_LOCKED_OUT", username, clientIp, Map.of("lockedUntil", throttle.lockedUntil().toString()));
		}
		return LoginOutcome.failed();
	}

	private void record(String action, String username, String clientIp, Map<String, ?> after) {
		String shown = Masking.maskSensitiveNumbers(username);
		audit.record(AuditEvent.of(action, "USER", shown).by(shown).from(clientIp).after(after));
	}
}
