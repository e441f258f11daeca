package com.settledesk.payout.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.settledesk.payout.internal.BankChannel.Answer;
import com.settledesk.payout.internal.BankChannel.Outcome;
import com.settledesk.payout.internal.Iso20022Messages.Booking;
import com.settledesk.payout.internal.Iso20022Messages.Transfer;
import com.settledesk.payout.internal.Iso20022Messages.TransferStatus;
import com.settledesk.shared.ClockConfiguration;

/**
 * The demo's bank host on the other side of the file channel: it reads each pain.001 SettleDesk puts in the
 * outgoing folder, lets the simulated bank decide every transfer (PAID, FAILED with a reason, RETURNED later,
 * or no answer while an account is scripted to time out), and writes the answers back as files — a pain.002
 * status report and a camt.054 booking notification — plus each closed day's result file. So the demo runs
 * the real ISO 20022 adapter end to end.
 */
@Component
@ConditionalOnExpression("'${settledesk.bank.channel:simulator}' == 'iso20022' and ${settledesk.bank.simulator.enabled:false} "
		+ "and '${settledesk.bank.transport:folder}' == 'folder'")
class FileBankSimulator {

	private static final Logger log = LoggerFactory.getLogger(FileBankSimulator.class);

	private final SimulatedBank bank;
	private final Path outgoing;
	private final Path incoming;
	private final Path processed;
	private final String debtorAccount;
	private final Clock clock;
	/** Transfers the bank has not answered yet (their account was scripted not to answer), asked again each tick. */
	private final Map<UUID, Transfer> unanswered = new ConcurrentHashMap<>();
	private LocalDate lastResultDay;
	private boolean recovered;

	FileBankSimulator(SimulatedBank bank, LocalFolderTransport folders, Clock clock,
			@Value("${settledesk.bank.debtor.account}") String debtorAccount) throws IOException {
		this.bank = bank;
		this.outgoing = folders.outgoingFolder();
		this.incoming = folders.incomingFolder();
		this.processed = Files.createDirectories(outgoing.resolveSibling("bank-processed"));
		this.debtorAccount = debtorAccount;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${settledesk.bank.simulator.interval:1s}")
	synchronized void work() {
		try {
			if (!recovered) {
				recoverUnanswered();
				recovered = true;
			}
			for (Path file : newCreditTransfers()) {
				answer(file.getFileName().toString(), Iso20022Messages.readPain001(Files.readString(file)));
				Files.move(file, processed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
			if (!unanswered.isEmpty()) {
				answer("retry", List.copyOf(unanswered.values()));
			}
			returns();
			resultFileOfYesterday();
		}
		catch (IOException | RuntimeException e) {
			log.warn("The simulated bank could not work its files this time", e);
		}
	}

	/** After a restart: transfers in files already read that the bank's book has no answer for are still owed one. */
	private void recoverUnanswered() throws IOException {
		try (Stream<Path> files = Files.list(processed)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pain001.xml")).toList()) {
				for (Transfer transfer : Iso20022Messages.readPain001(Files.readString(file))) {
					if (!bank.hasAnswered(transfer.payoutId())) {
						unanswered.put(transfer.payoutId(), transfer);
					}
				}
			}
		}
	}

	private List<Path> newCreditTransfers() throws IOException {
		try (Stream<Path> files = Files.list(outgoing)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".pain001.xml")).sorted().toList();
		}
	}

	private void answer(String source, List<Transfer> transfers) throws IOException {
		List<TransferStatus> statuses = new ArrayList<>();
		List<Booking> bookings = new ArrayList<>();
		for (Transfer transfer : transfers) {
			Answer answer = bank.book(transfer.payoutId(), transfer.creditorAccount(), transfer.amountFen());
			if (answer.outcome() == Outcome.TIMEOUT) {
				unanswered.put(transfer.payoutId(), transfer);
				continue;
			}
			unanswered.remove(transfer.payoutId());
			if (answer.outcome() == Outcome.FAILED) {
				statuses.add(new TransferStatus(transfer.payoutId(), true, reasonCode(answer.reason()), answer.reason()));
			}
			else {
				statuses.add(new TransferStatus(transfer.payoutId(), false, null, null));
				bookings.add(new Booking(transfer.payoutId(), transfer.amountFen(), false, answer.bankReference(), null, null));
			}
		}
		String id = "BK" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
		OffsetDateTime now = clock.instant().atZone(ClockConfiguration.DISPLAY_ZONE).toOffsetDateTime();
		if (!statuses.isEmpty()) {
			write(id + ".pain002.xml", Iso20022Messages.pain002(id + "S", now, source, statuses));
		}
		if (!bookings.isEmpty()) {
			write(id + ".camt054.xml", Iso20022Messages.camt054(id + "N", now, debtorAccount, bookings));
		}
	}

	private void returns() throws IOException {
		List<Booking> returned = bank.collectReturns().stream()
			.map(r -> new Booking(r.payoutId(), bank.amountOf(r.payoutId()), true, "RT" + r.payoutId().toString()
				.substring(0, 8).toUpperCase(), reasonCode(r.reason()), r.reason()))
			.toList();
		if (!returned.isEmpty()) {
			String id = "BK" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
			write(id + ".camt054.xml", Iso20022Messages.camt054(id + "R",
					clock.instant().atZone(ClockConfiguration.DISPLAY_ZONE).toOffsetDateTime(), debtorAccount, returned));
		}
	}

	private void resultFileOfYesterday() throws IOException {
		LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE).minusDays(1);
		if (yesterday.equals(lastResultDay)) {
			return;
		}
		Optional<Path> file = bank.resultFile(yesterday);
		if (file.isPresent()) {
			Path partial = incoming.resolve(".result-" + yesterday + ".part");
			Files.copy(file.get(), partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, incoming.resolve("result-" + yesterday + ".txt"), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			lastResultDay = yesterday;
		}
	}

	private void write(String name, String xml) throws IOException {
		Path partial = incoming.resolve("." + name + ".part");
		Files.writeString(partial, xml, StandardCharsets.UTF_8);
		Files.move(partial, incoming.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	/** The ISO reason code a bank would give for the simulator's reason in words. */
	static String reasonCode(String reason) {
		if (reason == null) {
			return "MS03";
		}
		if (reason.contains("销户")) {
			return "AC04";
		}
		if (reason.contains("冻结")) {
			return "AC06";
		}
		if (reason.contains("户名")) {
			return "BE01";
		}
		return reason.contains("账号") || reason.contains("卡号") ? "AC01" : "NARR";
	}
}
