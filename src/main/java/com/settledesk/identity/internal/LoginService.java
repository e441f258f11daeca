package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

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
	/** What a username can be (letters, digits, . _ @ -): anything else fails before it touches a throttle. */
	private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");
	/** Throttle rows of client addresses share the table with names; the colon keeps the two apart. */
	private static final String ADDRESS_KEY = "addr:";

	private final UserAccountRepository users;
	private final KnownAddresses addresses;
	private final LoginThrottleRepository throttles;
	private final PasswordEncoder passwordEncoder;
	private final AuditLog audit;
	private final Clock clock;
	private final LoginThrottle.Policy policy;
	private final LoginThrottle.Policy addressPolicy;
	/** Checked against when no user matches, so an unknown name takes as long as a wrong password; made on first need. */
	private final SingletonSupplier<String> dummyHash;

	LoginService(UserAccountRepository users, KnownAddresses addresses, LoginThrottleRepository throttles,
			PasswordEncoder passwordEncoder, AuditLog audit, Clock clock, SecurityProperties properties) {
		this.users = users;
		this.addresses = addresses;
		this.throttles = throttles;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
		this.policy = properties.throttlePolicy();
		this.addressPolicy = properties.addressPolicy();
		this.dummyHash = SingletonSupplier.of(() -> passwordEncoder.encode("not-a-password-of-anyone"));
	}

	@Transactional
	public LoginOutcome authenticate(String rawUsername, String password, String clientIp) {
		String username = rawUsername == null ? "" : rawUsername.trim();
		Instant now = clock.instant();
		LoginThrottle address = clientIp == null ? null
				: throttles.lock((ADDRESS_KEY + clientIp).substring(0, Math.min(MAX_USERNAME, ADDRESS_KEY.length() + clientIp.length())));
		if (address != null && address.isLocked(now)) {
			record("LOGIN_REFUSED_ADDRESS_LIMIT", USERNAME.matcher(username).matches() ? username : "?", clientIp, null);
			return LoginOutcome.rateLimited(Duration.between(now, address.lockedUntil()));
		}
		if (!USERNAME.matcher(username).matches() || password == null) {
			passwordEncoder.matches("", dummyHash.obtain());
			countAddressFailure(address, now);
			return LoginOutcome.failed();
		}
		LoginThrottle throttle = throttles.lock(username);
		if (throttle.isLocked(now)) {
			record("LOGIN_REFUSED_LOCKED", username, clientIp, null);
			return LoginOutcome.locked();
		}
		Optional<UserAccount> user = users.findByUsername(username);
		boolean matches = passwordEncoder.matches(password, user.map(UserAccount::passwordHash).orElseGet(dummyHash::obtain));
		if (matches && user.get().enabled()) {
			throttle.recordSuccess();
			throttles.save(throttle);
			addresses.remember(user.get().id(), clientIp);
			record("LOGIN_SUCCEEDED", username, clientIp, Map.of("role", user.get().role().name()));
			return LoginOutcome.succeeded(user.get().toCurrentUser());
		}
		boolean lockStarted = throttle.recordFailure(now, policy);
		throttles.save(throttle);
		countAddressFailure(address, now);
		record("LOGIN_FAILED", username, clientIp, null);
		if (lockStarted) {
			record("LOGIN_LOCKED_OUT", username, clientIp, Map.of("lockedUntil", throttle.lockedUntil().toString()));
		}
		return LoginOutcome.failed();
	}

	/** A success does not reset the address: one valid account must not buy unlimited guesses at others. */
	private void countAddressFailure(LoginThrottle address, Instant now) {
		if (address != null) {
			address.recordFailure(now, addressPolicy);
			throttles.save(address);
		}
	}

	private void record(String action, String username, String clientIp, Map<String, ?> after) {
		String shown = Masking.maskSensitiveNumbers(username);
		audit.record(AuditEvent.of(action, "USER", shown).by(shown).from(clientIp).after(after));
	}
}
