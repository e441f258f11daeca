package com.settledesk.demo.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.cardchange.ChangeDraft;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.payout.BankExchange;
import com.settledesk.payout.Payouts;
import com.settledesk.payout.SimulatedBankAnswers;
import com.settledesk.shared.ClockConfiguration;

/**
 * A shop's past, written once at first start through the real capture and settlement code: for each of the last
 * {@code settledesk.demo.history-days} days, card and QR sales spread over the hours a shop of its trade is busy, a
 * few refunds, the T1 sweep at 09:00 on working days and the D0 sweep at night, each paid through the bank
 * channel — one D0 payout failing and one T1 payout returned by the receiving bank. The {@link ReplayClock} stands
 * at each moment, so everything carries the time it would have had. The same start date gives the same history.
 */
@Component
@ConditionalOnExpression("${settledesk.demo.enabled:false} and ${settledesk.demo.history-days:0} > 0")
public class DemoHistory implements ApplicationRunner, HistoryProgress {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	/** How many days before today the failed D0 payout, the card change after it and the returned T1 payout happen. */
	static final int FAILED_PAYOUT_DAYS_AGO = 41;
	static final int CARD_CHANGE_DAYS_AGO = 39;
	static final int RETURNED_PAYOUT_DAYS_AGO = 33;

	private final ReplayClock clock;
	private final Transactions transactions;
	private final Payouts payouts;
	private final BankExchange bank;
	private final ObjectProvider<SimulatedBankAnswers> bankAnswers;
	private final DemoStories stories;
	private final int days;
	private volatile List<Shop> toWrite;
	private volatile int daysWritten;

	DemoHistory(java.time.Clock clock, Transactions transactions, Payouts payouts, BankExchange bank,
			ObjectProvider<SimulatedBankAnswers> bankAnswers, DemoStories stories,
			@Value("${settledesk.demo.history-days}") int days) {
		this.clock = (ReplayClock) clock;
		this.transactions = transactions;
		this.payouts = payouts;
		this.bank = bank;
		this.bankAnswers = bankAnswers;
		this.stories = stories;
		this.days = days;
	}

	/**
	 * A demo merchant: its owner's username, the terminals its sales come from, the settlement card it starts the
	 * history with, the trade that shapes its day, and the card it changes to in its history (or none).
	 */
	public record Shop(MerchantProfile merchant, String owner, List<String> terminalSns, String cardNumber, Trade trade,
			ChangeDraft cardChange) {
	}

	/** Runs the first seeding as of 10:00 the day before the history starts, so the shops existed before it. */
	public void asOfHistoryStart(Runnable seeding) {
		LocalDate today = LocalDate.ofInstant(clock.actualInstant(), ClockConfiguration.DISPLAY_ZONE);
		at(today.minusDays(days + 1L), LocalTime.of(10, 0));
		try {
			seeding.run();
		}
		finally {
			clock.backToNow();
		}
	}

	/**
	 * Takes the shops whose history is to be written once the app runs, unless one of them has a sale already (a
	 * restart, or a shop someone used); until it is written, {@link DemoPreparationGate} holds requests.
	 */
	public void writeOnceRunning(List<Shop> shops) {
		LocalDate today = LocalDate.ofInstant(clock.actualInstant(), ClockConfiguration.DISPLAY_ZONE);
		for (Shop shop : shops) {
			if (!transactions.ofMerchant(shop.merchant().id(), today.minusYears(1), today, 1).isEmpty()) {
				return;
			}
		}
		toWrite = List.copyOf(shops);
	}

	@Override
	public boolean preparing() {
		return toWrite != null;
	}

	@Override
	public int daysWritten() {
		return daysWritten;
	}

	@Override
	public int days() {
		return days;
	}

	/**
	 * Writes it after start-up, with the scheduled jobs running (the card change needs the app's own simulated
	 * four-element provider over HTTP, the one-time code its message dispatcher, the cut-over its job).
	 */
	@Override
	public void run(ApplicationArguments args) {
		List<Shop> shops = toWrite;
		if (shops == null) {
			return;
		}
		try {
			write(shops);
		}
		catch (RuntimeException e) {
			// a demo with part of its past is still a demo: the app starts, and says what stopped it
			log.warn("The demo history stopped after {} of {} days; the app starts with what was written", daysWritten,
					days, e);
		}
		finally {
			toWrite = null;
		}
	}

	private void write(List<Shop> shops) {
		LocalDate today = LocalDate.ofInstant(clock.actualInstant(), ClockConfiguration.DISPLAY_ZONE);
		log.info("Writing {} days of demo history (first start only)", days);
		try {
			for (int daysAgo = days; daysAgo >= 1; daysAgo--) {
				replay(today.minusDays(daysAgo), daysAgo, shops);
				daysWritten = days - daysAgo + 1;
				if (daysAgo % 10 == 0) {
					log.info("Demo history: {} of {} days written", daysWritten, days);
				}
			}
			replayToday(today, shops);
		}
		finally {
			clock.backToNow();
		}
		log.info("Demo history written: {} days", days);
	}

	private void replay(LocalDate day, int daysAgo, List<Shop> shops) {
		sweep(shops, day, SettlementMode.T1, daysAgo == RETURNED_PAYOUT_DAYS_AGO ? SimulatedBankAnswers.Reply.RETURNED
				: SimulatedBankAnswers.Reply.PAID, "收款账户已销户");
		stories.morningOf(day, daysAgo, shops, this::at);

		for (Shop shop : shops) {
			Random random = new Random(shop.merchant().merchantNo().hashCode() * 31L + daysAgo);
			List<Capture> sales = sales(shop, day, random);
			captureHourByHour(sales, Instant.MAX);
			// About one sale in every hundred goes back: a customer returns the goods the same evening.
			at(day, LocalTime.of(23, 20));
			for (Capture sale : sales) {
				if (random.nextInt(100) == 0) {
					transactions.refund(sale.reference(), "demo-refund-" + sale.reference());
				}
			}
		}

		sweep(shops, day, SettlementMode.D0, daysAgo == FAILED_PAYOUT_DAYS_AGO ? SimulatedBankAnswers.Reply.FAILED
				: SimulatedBankAnswers.Reply.PAID, "收款账户状态异常");
		stories.eveningOf(day, daysAgo, shops, this::at);
	}

	/**
	 * Today so far: the morning's T1 sweep if its answers are in (past 09:20), and the sales made until now; the
	 * app's own D0 sweep pays them a minute after it starts.
	 */
	private void replayToday(LocalDate today, List<Shop> shops) {
		Instant now = clock.actualInstant();
		if (now.isAfter(today.atTime(9, 20).atZone(ClockConfiguration.DISPLAY_ZONE).toInstant())) {
			sweep(shops, today, SettlementMode.T1, SimulatedBankAnswers.Reply.PAID, null);
		}
		for (Shop shop : shops) {
			captureHourByHour(sales(shop, today, new Random(shop.merchant().merchantNo().hashCode() * 31L)).stream()
				.filter(sale -> sale.occurredAt().isBefore(now)).toList(), now);
		}
	}

	/** Each hour's sales captured at the end of that hour (or now, if sooner), as a terminal's uploads arrive. */
	private void captureHourByHour(List<Capture> sales, Instant now) {
		Map<Instant, List<Capture>> byHour = new TreeMap<>();
		for (Capture sale : sales) {
			byHour.computeIfAbsent(sale.occurredAt().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).minusSeconds(1),
					hour -> new ArrayList<>()).add(sale);
		}
		byHour.forEach((endOfHour, hourSales) -> {
			clock.replayAt(endOfHour.isBefore(now) ? endOfHour : now);
			transactions.captureAll(hourSales);
		});
	}

	/**
	 * A sweep the way the scheduled one runs (T1 at 09:00, D0 at 23:40), its payouts handed to the bank and the
	 * answers read a few minutes later; the bank answers the day's payouts as told, then goes back to paying.
	 */
	private void sweep(List<Shop> shops, LocalDate day, SettlementMode mode, SimulatedBankAnswers.Reply reply,
			String reason) {
		LocalTime handOver = mode == SettlementMode.T1 ? LocalTime.of(9, 0) : LocalTime.of(23, 40);
		at(day, handOver);
		answerFor(shops, mode, reply, reply == SimulatedBankAnswers.Reply.PAID ? null : reason);
		payouts.settle(mode.name());
		bank.exchangeNow();
		at(day, handOver.plusMinutes(mode == SettlementMode.T1 ? 20 : 10));
		bank.exchangeNow();
		bank.exchangeNow();
		answerFor(shops, mode, SimulatedBankAnswers.Reply.PAID, null);
	}

	private void answerFor(List<Shop> shops, SettlementMode mode, SimulatedBankAnswers.Reply reply, String reason) {
		for (Shop shop : shops) {
			if (shop.merchant().settlementMode() == mode) {
				bankAnswers.ifAvailable(answers -> answers.answerTransfersTo(shop.cardNumber(), reply, reason));
			}
		}
	}

	static List<Capture> sales(Shop shop, LocalDate day, Random random) {
		Trade trade = shop.trade();
		boolean busyDay = trade.busyDays.contains(day.getDayOfWeek());
		int count = trade.baseSales + random.nextInt(trade.extraSales + 1);
		count = busyDay ? count * 13 / 10 : count;
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int hour = trade.hourOfSale(random);
			times.add(day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(ClockConfiguration.DISPLAY_ZONE)
				.toInstant());
		}
		times.sort(null);
		List<Capture> sales = new ArrayList<>();
		for (int i = 0; i < times.size(); i++) {
			String channel = trade.channel(random);
			String cardKind = channel.startsWith("QR_") ? "NONE" : random.nextInt(100) < 35 ? "CREDIT" : "DEBIT";
			String terminal = shop.terminalSns().get(random.nextInt(shop.terminalSns().size()));
			String reference = "DEMO-" + shop.merchant().merchantNo().substring(9) + "-" + day.toString().replace("-", "")
					+ "-" + String.format("%03d", i + 1);
			sales.add(new Capture(reference, shop.merchant().merchantNo(), terminal, channel, cardKind,
					trade.amountFen(random), times.get(i)));
		}
		return sales;
	}

	void at(LocalDate day, LocalTime time) {
		clock.replayAt(day.atTime(time).atZone(ClockConfiguration.DISPLAY_ZONE).toInstant());
	}

	/** The shape of a trade's day: how many sales, when, how much and paid how. */
	public enum Trade {

		/**
		 * Open round the clock, quiet at night (the till is counted and handed over 23:00–24:00): breakfast,
		 * after-work and evening peaks; small baskets; mostly QR.
		 */
		CONVENIENCE_STORE(38, 22, 300, 9_800, 10, List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
				new int[] { 1, 1, 1, 1, 1, 1, 2, 4, 6, 4, 3, 3, 4, 3, 2, 2, 3, 5, 7, 8, 6, 4, 2, 0 },
				new String[] { "QR_WECHAT", "QR_WECHAT", "QR_WECHAT", "QR_WECHAT", "QR_WECHAT", "QR_WECHAT", "QR_WECHAT",
						"QR_ALIPAY", "QR_ALIPAY", "QR_ALIPAY", "QR_ALIPAY", "QR_ALIPAY", "QR_UNIONPAY", "CARD_CONTACTLESS",
						"CARD_CONTACTLESS", "CARD_CONTACTLESS", "CARD_CHIP", "CARD_CHIP", "CARD_CHIP", "CARD_SWIPE" }),

		/** Lunch and dinner, closed by 23:00; a table's bill; cards more than QR; Fridays and weekends busier. */
		RESTAURANT(22, 14, 4_800, 68_000, 100, List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
				new int[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 8, 10, 6, 2, 1, 1, 5, 9, 10, 7, 3, 1, 0 },
				new String[] { "QR_WECHAT", "QR_WECHAT", "QR_WECHAT", "QR_WECHAT", "QR_ALIPAY", "QR_ALIPAY", "QR_ALIPAY",
						"CARD_CHIP", "CARD_CHIP", "CARD_CHIP", "CARD_CHIP", "CARD_CHIP", "CARD_CHIP", "CARD_CHIP",
						"CARD_CONTACTLESS", "CARD_CONTACTLESS", "CARD_CONTACTLESS", "CARD_CONTACTLESS", "CARD_CONTACTLESS",
						"CARD_SWIPE" });

		private final int baseSales;
		private final int extraSales;
		private final long smallestFen;
		private final long largestFen;
		private final long roundedToFen;
		private final List<DayOfWeek> busyDays;
		private final int[] hourWeights;
		private final String[] channels;

		Trade(int baseSales, int extraSales, long smallestFen, long largestFen, long roundedToFen, List<DayOfWeek> busyDays,
				int[] hourWeights, String[] channels) {
			this.baseSales = baseSales;
			this.extraSales = extraSales;
			this.smallestFen = smallestFen;
			this.largestFen = largestFen;
			this.roundedToFen = roundedToFen;
			this.busyDays = busyDays;
			this.hourWeights = hourWeights;
			this.channels = channels;
		}

		int hourOfSale(Random random) {
			int total = 0;
			for (int weight : hourWeights) {
				total += weight;
			}
			int pick = random.nextInt(total);
			for (int hour = 0; hour < 24; hour++) {
				pick -= hourWeights[hour];
				if (pick < 0) {
					return hour;
				}
			}
			return 12;
		}

		/** Many small amounts and a few large ones (the cube of an even draw), in whole fen all the way. */
		long amountFen(Random random) {
			long draw = random.nextInt(1000);
			long fen = smallestFen + (largestFen - smallestFen) * draw * draw * draw / 1_000_000_000L;
			return Math.max(roundedToFen, fen / roundedToFen * roundedToFen);
		}

		String channel(Random random) {
			return channels[random.nextInt(channels.length)];
		}
	}
}
