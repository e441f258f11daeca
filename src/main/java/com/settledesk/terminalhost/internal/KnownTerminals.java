package com.settledesk.terminalhost.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.terminal.TerminalMacs;
import com.settledesk.terminal.TerminalStatusChanged;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

/**
 * What the host knows of each signed-on terminal between requests: its register entry, its MAC key and its
 * merchant, so that a purchase needs no database read before its group commit. Forgotten when the terminal signs on,
 * changes status, or has a MAC failure or its first good MAC after failures, and after a short time in any case
 * (another instance may have changed it). Nothing here decides about money: the capture checks the terminal and
 * merchant again in its transaction, and a MAC that fails under a remembered key is checked again under the stored
 * one before it counts.
 */
@Component
class KnownTerminals {

	private final Terminals terminals;
	private final TerminalMacs macs;
	private final Merchants merchants;
	private final Clock clock;
	private final Duration timeToLive;
	private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

	KnownTerminals(Terminals terminals, TerminalMacs macs, Merchants merchants, Clock clock,
			@Value("${settledesk.terminal-host.remember-terminals-for:PT30S}") Duration timeToLive) {
		this.terminals = terminals;
		this.macs = macs;
		this.merchants = merchants;
		this.clock = clock;
		this.timeToLive = timeToLive;
	}

	/**
	 * The terminal as remembered, or as read now when it is not; empty when there is no such terminal. The MAC
	 * session is empty when the terminal has no key (it has not signed on).
	 */
	Optional<Known> find(String terminalId) {
		Instant now = clock.instant();
		Known remembered = known.get(terminalId);
		if (remembered != null && remembered.readAt().plus(timeToLive).isAfter(now)) {
			return Optional.of(remembered);
		}
		return read(terminalId, now);
	}

	/** The terminal as stored now, remembered again. */
	Optional<Known> reread(String terminalId) {
		return read(terminalId, clock.instant());
	}

	void forget(String terminalId) {
		known.remove(terminalId);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TerminalStatusChanged changed) {
		if (changed.terminalId() != null) {
			forget(changed.terminalId());
		}
	}

	private Optional<Known> read(String terminalId, Instant now) {
		known.remove(terminalId);
		Optional<TerminalView> terminal = terminals.findByTerminalId(terminalId);
		if (terminal.isEmpty()) {
			return Optional.empty();
		}
		Optional<TerminalMacs.MacSession> session = macs.session(terminalId);
		Optional<MerchantProfile> merchant = terminal.get().merchantId() == null ? Optional.empty()
				: merchants.find(terminal.get().merchantId());
		Known read = new Known(terminal.get(), session, merchant, now);
		if (session.isPresent()) {
			known.put(terminalId, read);
		}
		return Optional.of(read);
	}

	/** A terminal, its MAC key (empty before sign-on) and the merchant it is bound to, as read at one moment. */
	record Known(TerminalView terminal, Optional<TerminalMacs.MacSession> session, Optional<MerchantProfile> merchant,
			Instant readAt) {

		boolean boundTo(String merchantNo) {
			return merchant.isPresent() && merchant.get().merchantNo().equals(merchantNo);
		}
	}
}
