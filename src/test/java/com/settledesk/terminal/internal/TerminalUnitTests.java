package com.settledesk.terminal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.settledesk.secrets.EncryptedValue;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.terminal.LockReason;
import com.settledesk.terminal.TerminalStatus;

class TerminalUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
	private static final EncryptedValue SECRET = new EncryptedValue("k1", "cipher");

	@Test
	void every_move_the_status_does_not_allow_is_a_conflict_and_changes_nothing() {
		record Move(String name, Consumer<Terminal> action, EnumSet<TerminalStatus> allowedFrom) {
		}
		var moves = java.util.List.of(
				new Move("ship", t -> t.ship(UUID.randomUUID(), MerchantId.random(), account(), "addr", SECRET, NOW),
						EnumSet.of(TerminalStatus.IN_STOCK)),
				new Move("activate", t -> t.activate("30000001", SECRET, SECRET, NOW), EnumSet.of(TerminalStatus.SHIPPED)),
				new Move("lock", t -> t.lock(LockReason.REPORTED_LOST, NOW),
						EnumSet.of(TerminalStatus.SHIPPED, TerminalStatus.ACTIVE)),
				new Move("unlock", t -> t.unlock(SECRET, NOW), EnumSet.of(TerminalStatus.LOCKED)),
				new Move("requestReturn", t -> t.requestReturn(NOW),
						EnumSet.of(TerminalStatus.SHIPPED, TerminalStatus.ACTIVE, TerminalStatus.LOCKED)),
				new Move("received", t -> t.received(NOW), EnumSet.of(TerminalStatus.RETURNING)),
				new Move("wiped", t -> t.wiped(NOW), EnumSet.of(TerminalStatus.RETURNED)),
				new Move("relocate", t -> t.relocate("new place"),
						EnumSet.of(TerminalStatus.SHIPPED, TerminalStatus.ACTIVE, TerminalStatus.LOCKED)));
		for (Move move : moves) {
			for (TerminalStatus from : TerminalStatus.values()) {
				Terminal terminal = in(from);
				if (move.allowedFrom().contains(from)) {
					move.action().accept(terminal);
				}
				else {
					assertThatThrownBy(() -> move.action().accept(terminal)).as(move.name() + " from " + from)
						.isInstanceOf(StateConflictException.class);
					assertThat(terminal.status).as(move.name() + " from " + from + " leaves the status").isEqualTo(from);
					assertThat(terminal.events()).isEmpty();
				}
			}
		}
	}

	@Test
	void the_fifth_wrong_activation_code_locks_the_terminal() {
		Terminal terminal = in(TerminalStatus.SHIPPED);
		for (int i = 1; i < Terminal.MAX_ACTIVATION_FAILURES; i++) {
			assertThat(terminal.activationFailed(NOW)).isFalse();
		}
		assertThat(terminal.activationFailed(NOW)).isTrue();
		assertThat(terminal.status).isEqualTo(TerminalStatus.LOCKED);
		assertThat(terminal.lockReason).isEqualTo(LockReason.ACTIVATION_ATTEMPTS);
	}

	@Test
	void three_mac_failures_in_a_row_lock_an_active_terminal() {
		Terminal terminal = in(TerminalStatus.ACTIVE);
		assertThat(terminal.macFailed(NOW)).isFalse();
		assertThat(terminal.macFailed(NOW)).isFalse();
		assertThat(terminal.macFailed(NOW)).isTrue();
		assertThat(terminal.status).isEqualTo(TerminalStatus.LOCKED);
		assertThat(terminal.lockReason).isEqualTo(LockReason.MAC_FAILURES);
		assertThat(terminal.macFailed(NOW)).as("a locked terminal stays as it is").isFalse();
	}

	@Test
	void unlocking_returns_an_activated_terminal_to_active_and_a_never_activated_one_to_shipped_with_a_new_code() {
		Terminal activated = in(TerminalStatus.SHIPPED);
		activated.activate("30000001", SECRET, SECRET, NOW);
		activated.lock(LockReason.REPORTED_LOST, NOW);
		activated.unlock(null, NOW);
		assertThat(activated.status).isEqualTo(TerminalStatus.ACTIVE);
		assertThat(activated.lockReason).isNull();

		Terminal guessedAt = in(TerminalStatus.SHIPPED);
		guessedAt.lock(LockReason.ACTIVATION_ATTEMPTS, NOW);
		EncryptedValue fresh = new EncryptedValue("k1", "fresh");
		assertThat(guessedAt.needsActivationCodeOnUnlock()).isTrue();
		guessedAt.unlock(fresh, NOW);
		assertThat(guessedAt.status).isEqualTo(TerminalStatus.SHIPPED);
		assertThat(guessedAt.activationCode).isEqualTo(fresh);
		assertThat(guessedAt.activationFailures).isZero();
	}

	@Test
	void a_received_return_unbinds_the_terminal_and_forgets_its_keys_and_terminal_id() {
		Terminal terminal = in(TerminalStatus.SHIPPED);
		terminal.activate("30000001", SECRET, SECRET, NOW);
		terminal.requestReturn(NOW);
		terminal.received(NOW);
		assertThat(terminal.status).isEqualTo(TerminalStatus.RETURNED);
		assertThat(terminal.merchantId).isNull();
		assertThat(terminal.terminalId).isNull();
		assertThat(terminal.masterKey).isNull();
		assertThat(terminal.macKey).isNull();
		assertThat(terminal.events()).extracting(e -> e.to()).containsExactly(TerminalStatus.ACTIVE,
				TerminalStatus.RETURNING, TerminalStatus.RETURNED);
		assertThat(terminal.events().get(2).merchantId()).as("the event names the merchant it left").isNotNull();
	}

	private static Terminal in(TerminalStatus status) {
		Terminal terminal = new Terminal(UUID.randomUUID(), "SN000001", "PAX-A920", status, 0);
		if (status.isBound()) {
			terminal.merchantId = MerchantId.random();
		}
		if (status == TerminalStatus.LOCKED) {
			terminal.lockReason = LockReason.REPORTED_LOST;
		}
		return terminal;
	}

	private static SettlementAccountId account() {
		return new SettlementAccountId(UUID.randomUUID());
	}
}
