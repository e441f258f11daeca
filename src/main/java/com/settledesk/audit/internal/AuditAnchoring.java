package com.settledesk.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.settledesk.secrets.AuditChainKeys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Signs the chain's head and keeps it outside the database at a fixed interval (at least hourly): in the anchor
 * folder and in the log, so the log's own store holds a second copy. An unchanged head is anchored again, so the
 * anchor's age always says how fresh the protection is.
 */
@Component
class AuditAnchoring {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchoring.class);

	private final JdbcAuditLog chain;
	private final AnchorFolder folder;
	private final AuditChainKeys keys;
	private final Clock clock;
	private final Counter failures;

	AuditAnchoring(JdbcAuditLog chain, AnchorFolder folder, AuditChainKeys keys, Clock clock, MeterRegistry meters) {
		this.chain = chain;
		this.folder = folder;
		this.keys = keys;
		this.clock = clock;
		this.failures = Counter.builder("settledesk.audit.anchor.failures")
			.description("Anchors of the audit chain that could not be written").register(meters);
		Gauge.builder("settledesk.audit.anchor.age", this, AuditAnchoring::ageSeconds)
			.baseUnit("seconds")
			.description("Age of the latest anchor of the audit chain kept outside the database")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${settledesk.audit.anchor-interval:PT1H}",
			initialDelayString = "${settledesk.audit.first-anchor-after:PT1M}")
	void anchorOnSchedule() {
		try {
			anchorNow();
		}
		catch (RuntimeException e) {
			failures.increment();
			log.error("The audit chain could not be anchored: {}", e.getMessage());
		}
	}

	/** Anchors the head as committed now; nothing while the chain is empty. */
	Optional<Anchor> anchorNow() {
		ChainWalk.Head head = chain.head();
		if (head.seq() == 0) {
			return Optional.empty();
		}
		Instant at = clock.instant();
		Anchor anchor = new Anchor(head.seq(), head.hash(), at, keys.signAnchor(Anchor.signed(head.seq(), head.hash(), at)));
		folder.append(anchor);
		log.info("Audit chain anchored: seq={} hash={} at={} signature={}", anchor.seq(), anchor.hash(), anchor.at(),
				anchor.signature());
		return Optional.of(anchor);
	}

	private double ageSeconds() {
		return folder.last().map(a -> (double) Duration.between(a.at(), clock.instant()).toSeconds()).orElse(Double.NaN);
	}
}
