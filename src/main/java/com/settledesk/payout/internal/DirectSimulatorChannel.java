package com.settledesk.payout.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The bank channel that calls the simulated bank in the same JVM, answer by answer — for fast tests. The demo
 * and production use the ISO 20022 file channel ({@link Iso20022BankChannel}).
 */
@Component
@ConditionalOnProperty(name = "settledesk.bank.channel", havingValue = "simulator")
class DirectSimulatorChannel implements BankChannel {

	private final SimulatedBank bank;

	DirectSimulatorChannel(SimulatedBank bank) {
		this.bank = bank;
	}

	@Override
	public Answer submit(UUID payoutId, String accountNumber, String accountName, long amountFen) {
		return bank.submit(payoutId, accountNumber, accountName, amountFen);
	}

	@Override
	public Answer inquire(UUID payoutId) {
		return bank.inquire(payoutId);
	}

	@Override
	public List<Return> collectReturns() {
		return bank.collectReturns();
	}

	@Override
	public Optional<Path> resultFile(LocalDate businessDay) {
		return bank.resultFile(businessDay);
	}
}
