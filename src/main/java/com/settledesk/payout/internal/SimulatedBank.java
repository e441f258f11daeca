package com.settledesk.payout.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.settledesk.secrets.SensitiveDataProtector;

/**
 * A bank payout channel that behaves like one: a network round trip per call, answers by destination account
 * (PAID unless told otherwise), a TIMEOUT that takes the channel's timeout, a RETURNED outcome that first pays
 * and reports the return later, and idempotency by payout id.
 */
@Component
class SimulatedBank implements BankChannel {

	enum Scripted {
		PAID, FAILED, RETURNED, TIMEOUT
	}

	private record Script(Scripted outcome, String reason) {
	}

	private record PendingReturn(UUID payoutId, String reason, Instant due) {
	}

	private final SensitiveDataProtector protector;
	private final Clock clock;
	private final Duration latency;
	private final Duration timeout;
	private final Duration returnAfter;
	private final Map<String, Script> scripts = new ConcurrentHashMap<>();
	private final Map<UUID, Answer> answered = new ConcurrentHashMap<>();
	private final List<PendingReturn> returns = new ArrayList<>();

	SimulatedBank(SensitiveDataProtector protector, Clock clock,
			@Value("${settledesk.bank.simulated-latency:200ms}") Duration latency,
			@Value("${settledesk.bank.timeout:2s}") Duration timeout,
			@Value("${settledesk.bank.return-after:10s}") Duration returnAfter) {
		this.protector = protector;
		this.clock = clock;
		this.latency = latency;
		this.timeout = timeout;
		this.returnAfter = returnAfter;
	}

	void script(String accountNumber, Scripted outcome, String reason) {
		scripts.put(protector.fingerprint(accountNumber), new Script(outcome, reason));
	}

	@Override
	public Answer submit(UUID payoutId, String accountNumber, String accountName, long amountFen) {
		Answer earlier = answered.get(payoutId);
		if (earlier != null) {
			pause(latency);
			return earlier;
		}
		Script script = scripts.getOrDefault(protector.fingerprint(accountNumber), new Script(Scripted.PAID, null));
		if (script.outcome() == Scripted.TIMEOUT) {
			pause(timeout);
			return new Answer(Outcome.TIMEOUT, null, "no answer from the bank");
		}
		pause(latency);
		String reference = "SIM" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).toUpperCase();
		Answer answer = switch (script.outcome()) {
			case FAILED -> new Answer(Outcome.FAILED, reference, script.reason() == null ? "账户状态异常" : script.reason());
			default -> new Answer(Outcome.PAID, reference, null);
		};
		answered.put(payoutId, answer);
		if (script.outcome() == Scripted.RETURNED) {
			synchronized (returns) {
				returns.add(new PendingReturn(payoutId, script.reason() == null ? "收款账户已销户" : script.reason(),
						clock.instant().plus(returnAfter)));
			}
		}
		return answer;
	}

	@Override
	public List<Return> collectReturns() {
		Instant now = clock.instant();
		List<Return> due = new ArrayList<>();
		synchronized (returns) {
			returns.removeIf(r -> {
				if (!r.due().isAfter(now)) {
					due.add(new Return(r.payoutId(), r.reason()));
					return true;
				}
				return false;
			});
		}
		return due;
	}

	private static void pause(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(duration.toMillis() / 2, duration.toMillis() + 1));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
