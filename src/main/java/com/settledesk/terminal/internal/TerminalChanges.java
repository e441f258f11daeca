package com.settledesk.terminal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.shared.MerchantId;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes a changed terminal in the caller's transaction: the row (optimistically locked), the register line, the
 * audit entry and the terminal's status events (published through the event publication registry).
 */
@Component
class TerminalChanges {

	private final TerminalRepository terminals;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final MeterRegistry meters;
	private final Clock clock;

	TerminalChanges(TerminalRepository terminals, AuditLog audit, ApplicationEventPublisher events, MeterRegistry meters,
			Clock clock) {
		this.terminals = terminals;
		this.audit = audit;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
	}

	Instant now() {
		return clock.instant();
	}

	void save(Terminal terminal, MerchantId merchantBefore, String event, String note, String by) {
		Instant now = clock.instant();
		terminals.save(terminal, now);
		MerchantId merchant = terminal.merchantId != null ? terminal.merchantId : merchantBefore;
		terminals.recordEvent(terminal.serialNo, merchant, event, note, by, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", terminal.status.name());
		if (merchant != null) {
			after.put("merchantId", merchant.toString());
		}
		if (terminal.lockReason != null) {
			after.put("lockReason", terminal.lockReason.name());
		}
		if (note != null) {
			after.put("note", note);
		}
		audit.record(AuditEvent.of("TERMINAL_" + event, "TERMINAL", terminal.serialNo).by(by).after(after));
		terminal.events().forEach(changed -> {
			events.publishEvent(changed);
			if (changed.lockReason() != null && changed.to() == com.settledesk.terminal.TerminalStatus.LOCKED) {
				meters.counter("settledesk.terminal.locks", "reason", changed.lockReason().name()).increment();
			}
		});
	}

	void publish(Object event) {
		events.publishEvent(event);
	}
}
