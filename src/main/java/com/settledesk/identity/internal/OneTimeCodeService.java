package com.settledesk.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.identity.OneTimeCodes;
import com.settledesk.identity.OtpPurpose;
import com.settledesk.notification.Channel;
import com.settledesk.notification.Notifications;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Masking;
import com.settledesk.shared.RateLimitedException;
import com.settledesk.shared.Timestamps;

/** Issues codes as a keyed hash only (a leaked table reveals no code) and checks them under a row lock. */
@Service
class OneTimeCodeService implements OneTimeCodes {

	static final Duration VALIDITY = Duration.ofMinutes(5);
	static final Duration RESEND_AFTER = Duration.ofSeconds(60);

	private final JdbcClient jdbc;
	private final SensitiveDataProtector protector;
	private final Notifications notifications;
	private final AuditLog audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	private final int dailyCapPerPhone;

	OneTimeCodeService(JdbcClient jdbc, SensitiveDataProtector protector, Notifications notifications, AuditLog audit,
			Clock clock, SecurityProperties properties) {
		this.dailyCapPerPhone = properties.maxOneTimeCodesPerPhonePerDay();
		this.jdbc = jdbc;
		this.protector = protector;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void send(UUID userId, OtpPurpose purpose, String phone, Locale language) {
		Instant now = clock.instant();
		// One sender at a time per user, so the spacing and the daily cap hold under parallel requests.
		jdbc.sql("SELECT id FROM user_account WHERE id = :user FOR UPDATE").param("user", userId).query().listOfRows();
		Instant startOfDay = LocalDate.ofInstant(now, ClockConfiguration.DISPLAY_ZONE)
			.atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant();
		long sentToday = jdbc.sql("SELECT COUNT(*) FROM one_time_code WHERE sent_to = :phone AND created_at >= :since")
			.param("phone", phone).param("since", Timestamps.toDb(startOfDay)).query(Long.class).single();
		if (sentToday >= dailyCapPerPhone) {
			throw new RateLimitedException("OTP_DAILY_LIMIT", Duration.between(now, startOfDay.plus(Duration.ofDays(1))));
		}
		var last = jdbc.sql("""
				SELECT created_at FROM one_time_code WHERE user_id = :user AND purpose = :purpose
				ORDER BY created_at DESC LIMIT 1""")
			.param("user", userId).param("purpose", purpose.name())
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
		if (last.isPresent() && now.isBefore(last.get().plus(RESEND_AFTER))) {
			throw new RateLimitedException("OTP_TOO_SOON", Duration.between(now, last.get().plus(RESEND_AFTER)));
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO one_time_code (id, user_id, purpose, code_hash, sent_to, created_at, expires_at, failed_tries)
				VALUES (:id, :user, :purpose, :hash, :phone, :now, :expires, 0)""")
			.param("id", id).param("user", userId).param("purpose", purpose.name())
			.param("hash", hash(id, code)).param("phone", phone)
			.param("now", Timestamps.toDb(now)).param("expires", Timestamps.toDb(now.plus(VALIDITY)))
			.update();
		notifications.sendTemplate(phone, Channel.SMS, "sms.otp." + purpose.name(), new Object[] { code,
				VALIDITY.toMinutes() }, language);
		audit.record(AuditEvent.of("OTP_SENT", "USER", userId.toString())
			.after(Map.of("purpose", purpose.name(), "to", Masking.maskPhone(phone))));
	}

	@Override
	@Transactional
	public boolean verify(UUID userId, OtpPurpose purpose, String code) {
		if (code == null || !code.matches("[0-9]{6}")) {
			return false;
		}
		Instant now = clock.instant();
		var latest = jdbc.sql("""
				SELECT id, code_hash, expires_at, failed_tries, consumed_at FROM one_time_code
				WHERE user_id = :user AND purpose = :purpose ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
			.param("user", userId).param("purpose", purpose.name())
			.query((rs, row) -> new OneTimeCode(rs.getObject("id", UUID.class), rs.getString("code_hash"),
					Timestamps.fromDb(rs.getObject("expires_at", OffsetDateTime.class)), rs.getInt("failed_tries"),
					Timestamps.fromDb(rs.getObject("consumed_at", OffsetDateTime.class))))
			.optional();
		if (latest.isEmpty()) {
			return false;
		}
		OneTimeCode otp = latest.get();
		boolean matched = otp.attempt(hash(otp.id(), code), now);
		jdbc.sql("UPDATE one_time_code SET failed_tries = :tries, consumed_at = :consumed WHERE id = :id")
			.param("tries", otp.failedTries()).param("consumed", Timestamps.toDb(otp.consumedAt())).param("id", otp.id())
			.update();
		audit.record(AuditEvent.of(matched ? "OTP_CONFIRMED" : "OTP_REJECTED", "USER", userId.toString())
			.after(Map.of("purpose", purpose.name(), "failedTries", otp.failedTries())));
		return matched;
	}

	private String hash(UUID id, String code) {
		return protector.fingerprint("otp:" + id + ":" + code);
	}
}
