package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.identity.Role;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.UserAccounts;
import com.settledesk.identity.UserRegistration;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

@Service
public class UserAccountsService implements UserAccounts {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
	private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
	private static final Pattern DIGIT = Pattern.compile("[0-9]");

	private final UserAccountRepository users;
	private final LoginThrottleRepository throttles;
	private final PasswordEncoder passwordEncoder;
	private final AuditLog audit;
	private final Clock clock;

	UserAccountsService(UserAccountRepository users, LoginThrottleRepository throttles,
			PasswordEncoder passwordEncoder, AuditLog audit, Clock clock) {
		this.users = users;
		this.throttles = throttles;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public long count() {
		return users.count();
	}

	@Override
	public Optional<CurrentUser> actingAs(String username) {
		return users.findByUsername(username).filter(UserAccount::enabled).map(UserAccount::toCurrentUser);
	}

	@Override
	public boolean exists(String username) {
		return users.findByUsername(username).isPresent();
	}

	@Override
	@Transactional
	public void register(UserRegistration registration) {
		validate(registration);
		insert(registration, passwordEncoder.encode(registration.rawPassword()));
	}

	/** The password hashes — the slow part, by design — are computed side by side on the machine's cores. */
	@Override
	@Transactional
	public void registerAll(List<UserRegistration> registrations) {
		registrations.forEach(this::validate);
		List<String> hashes = registrations.parallelStream().map(r -> passwordEncoder.encode(r.rawPassword())).toList();
		for (int i = 0; i < registrations.size(); i++) {
			insert(registrations.get(i), hashes.get(i));
		}
	}

	private void validate(UserRegistration registration) {
		List<FieldViolation> violations = new ArrayList<>();
		if (registration.username() == null || !USERNAME.matcher(registration.username()).matches()) {
			violations.add(new FieldViolation("username", "INVALID_USERNAME"));
		}
		String password = registration.rawPassword();
		if (password == null || password.length() < 8 || !LETTER.matcher(password).find() || !DIGIT.matcher(password).find()) {
			violations.add(new FieldViolation("password", "WEAK_PASSWORD"));
		}
		if (registration.displayName() == null || registration.displayName().isBlank()) {
			violations.add(new FieldViolation("displayName", "REQUIRED"));
		}
		if (registration.role() == null || registration.role().isMerchantRole() != (registration.merchantId() != null)) {
			violations.add(new FieldViolation("role", "ROLE_NOT_ALLOWED"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
	}

	private void insert(UserRegistration registration, String passwordHash) {
		Instant now = clock.instant();
		UserAccount user = new UserAccount(UUID.randomUUID(), registration.username(), passwordHash,
				registration.displayName().trim(), registration.role(), registration.merchantId(), true, now, now, 0);
		if (!users.insertIfAbsent(user)) {
			throw new StateConflictException("USERNAME_TAKEN", "The username is taken");
		}
		audit.record(AuditEvent.of("USER_REGISTERED", "USER", user.username())
			.after(Map.of("role", user.role().name(), "merchantId", String.valueOf(user.merchantId()))));
	}

	@Transactional(readOnly = true)
	public List<UserAccountView> list() {
		return users.findAll().stream()
			.map(u -> new UserAccountView(u.username(), u.displayName(), u.role(),
					u.merchantId() == null ? null : u.merchantId().toString(), u.enabled()))
			.toList();
	}

	@Transactional
	public void unlock(String username) {
		var throttle = throttles.lock(username);
		throttle.unlock();
		throttles.save(throttle);
		audit.record(AuditEvent.of("LOGIN_UNLOCKED", "USER", username));
	}

	public record UserAccountView(String username, String displayName, Role role,
			String merchantId, boolean enabled) {
	}
}
