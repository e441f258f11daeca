package com.settledesk.acquiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Money;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

/** 交易查询: what a merchant's search finds, in which order, and what its count and total cover. */
@IntegrationTest
class TransactionSearchIntegrationTests {

	@Autowired
	Transactions transactions;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	MutableClock clock;

	MerchantFixtures.TestMerchant merchant;

	CapturedTransaction sale(String reference, String channel, long fen, Instant at) {
		return transactions.capture(new Capture(reference, merchant.profile().merchantNo(), merchant.terminalSn(),
				channel, channel.startsWith("QR") ? "NONE" : "DEBIT", fen, at)).transaction();
	}

	TransactionSearch days(LocalDate from, LocalDate to) {
		return new TransactionSearch(from, to, null, null, null, null, null);
	}

	@Test
	void a_sale_counts_on_the_shanghai_day_it_happened_latest_first_and_the_total_leaves_out_refunds() {
		merchant = fixtures.individual();
		ZonedDateTime now = clock.instant().atZone(ClockConfiguration.DISPLAY_ZONE);
		LocalDate today = now.toLocalDate();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Instant lateYesterday = today.atStartOfDay(ClockConfiguration.DISPLAY_ZONE).minusMinutes(1).toInstant();
		Instant earlyToday = today.atStartOfDay(ClockConfiguration.DISPLAY_ZONE).plusMinutes(1).toInstant();
		CapturedTransaction yesterday = sale("S-" + tag + "-1", "QR_WECHAT", 1000, lateYesterday);
		CapturedTransaction first = sale("S-" + tag + "-2", "QR_ALIPAY", 2000, earlyToday);
		CapturedTransaction refunded = sale("S-" + tag + "-3", "QR_WECHAT", 4000, earlyToday.plusSeconds(60));
		transactions.refund(refunded.reference(), null);

		TransactionSearch.Found found = transactions.search(merchant.profile().id(), days(today, today), 50);
		assertThat(found.transactions()).extracting(CapturedTransaction::id).containsExactly(refunded.id(), first.id());
		assertThat(found.count()).isEqualTo(2);
		assertThat(found.capturedTotal()).isEqualTo(Money.ofFen(2000));
		assertThat(transactions.search(merchant.profile().id(), days(today.minusDays(1), today.minusDays(1)), 50)
			.transactions()).extracting(CapturedTransaction::id).containsExactly(yesterday.id());
		TransactionSearch.Found one = transactions.search(merchant.profile().id(), days(today.minusDays(1), today), 1);
		assertThat(one.transactions()).hasSize(1);
		assertThat(one.count()).as("the count covers every match, not the page").isEqualTo(3);
	}

	@Test
	void amount_reference_channel_terminal_and_a_set_narrow_the_search_and_wildcards_are_taken_literally() {
		merchant = fixtures.individual();
		LocalDate today = clock.instant().atZone(ClockConfiguration.DISPLAY_ZONE).toLocalDate();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		CapturedTransaction a = sale("A%_" + tag, "QR_WECHAT", 12850, clock.instant());
		CapturedTransaction b = sale("B-" + tag, "CARD_CHIP", 12850, clock.instant());
		CapturedTransaction c = sale("C-" + tag, "QR_WECHAT", 999, clock.instant());
		var id = merchant.profile().id();
		assertThat(transactions.search(id, new TransactionSearch(today, today, null, Money.ofFen(12850), null, null,
				null), 50).transactions()).extracting(CapturedTransaction::id).containsExactlyInAnyOrder(a.id(), b.id());
		assertThat(transactions.search(id, new TransactionSearch(today, today, Channel.QR_WECHAT, Money.ofFen(12850),
				null, null, null), 50).transactions()).extracting(CapturedTransaction::id).containsExactly(a.id());
		assertThat(transactions.search(id, new TransactionSearch(today, today, null, null, "%_", null, null), 50)
			.transactions()).extracting(CapturedTransaction::id).containsExactly(a.id());
		assertThat(transactions.search(id, new TransactionSearch(today, today, null, null, tag, "NO-SUCH", null), 50)
			.count()).isZero();
		assertThat(transactions.search(id, new TransactionSearch(today, today, null, null, null, merchant.terminalSn(),
				Set.of(c.id())), 50).transactions()).extracting(CapturedTransaction::id).containsExactly(c.id());
		assertThat(transactions.search(id, new TransactionSearch(today, today, null, null, null, null, Set.of()), 50)
			.count()).isZero();
		assertThat(transactions.search(fixtures.individual().profile().id(), new TransactionSearch(today, today, null,
				null, tag, null, null), 50).count()).as("another merchant's sales").isZero();
	}
}
