package com.settledesk.terminalhost.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

import com.settledesk.terminalhost.TerminalHost.MinuteCounts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The host's meters: messages by type and response code, MAC failures by terminal, open connections. */
@Component
class HostMetrics {

	private static final int MINUTES_KEPT = 15;

	private final MeterRegistry meters;
	private final Clock clock;
	private final AtomicInteger connections = new AtomicInteger();
	/** Answers per minute (epoch minute → "MTI code" → count), the last quarter of an hour. */
	private final ConcurrentSkipListMap<Long, ConcurrentHashMap<String, LongAdder>> perMinute = new ConcurrentSkipListMap<>();
	private final ConcurrentHashMap<String, LongAdder> macFailures = new ConcurrentHashMap<>();

	HostMetrics(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
		Gauge.builder("settledesk.terminal.host.connections", connections, AtomicInteger::get)
			.description("Open terminal connections").register(meters);
	}

	void answered(String mti, String responseCode) {
		Counter.builder("settledesk.terminal.host.messages").tag("mti", mti).tag("code", responseCode)
			.description("Requests answered by the terminal host").register(meters).increment();
		long minute = clock.millis() / 60_000;
		perMinute.computeIfAbsent(minute, m -> new ConcurrentHashMap<>())
			.computeIfAbsent(mti + " " + responseCode, k -> new LongAdder()).increment();
		perMinute.headMap(minute - MINUTES_KEPT).clear();
	}

	/** The last minutes, newest first, with what was answered in each. */
	List<MinuteCounts> lastMinutes() {
		List<MinuteCounts> minutes = new ArrayList<>();
		perMinute.descendingMap().forEach((minute, counts) -> {
			Map<String, Long> byCode = new TreeMap<>();
			counts.forEach((key, adder) -> byCode.put(key, adder.sum()));
			minutes.add(new MinuteCounts(Instant.ofEpochSecond(minute * 60), byCode));
		});
		return minutes;
	}

	Map<String, Long> macFailuresByTerminal() {
		Map<String, Long> out = new TreeMap<>();
		macFailures.forEach((terminal, adder) -> out.put(terminal, adder.sum()));
		return out;
	}

	void unreadable() {
		meters.counter("settledesk.terminal.host.unreadable").increment();
	}

	void macFailure(String terminalId) {
		meters.counter("settledesk.terminal.host.mac.failures", "terminal", terminalId).increment();
		macFailures.computeIfAbsent(terminalId, t -> new LongAdder()).increment();
	}

	void connected() {
		connections.incrementAndGet();
	}

	void disconnected() {
		connections.decrementAndGet();
	}

	int openConnections() {
		return connections.get();
	}
}
