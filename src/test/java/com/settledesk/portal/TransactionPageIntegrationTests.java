package com.settledesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** The transactions page answers whatever its filter is sent: a word on each field it cannot read, never an error page. */
@IntegrationTest
class TransactionPageIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	com.settledesk.acquiring.Transactions transactions;

	@Autowired
	java.time.Clock clock;

	String page(String cookie, String query) {
		var response = api.send(api.builder("/transactions?" + query, null).header("Cookie", cookie).GET());
		assertThat(response.status()).as(query).isEqualTo(200);
		// not a bare "SQL": the page's random CSRF token can hold those three letters
		assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sqlstate")
			.doesNotContainIgnoringCase("select * from").doesNotContain("card_transaction");
		return response.body();
	}

	static String q(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void a_long_list_comes_in_pages_of_fifty_newest_first_keeping_the_filter() {
		var merchant = fixtures.individual();
		java.util.List<com.settledesk.acquiring.Capture> sales = new java.util.ArrayList<>();
		for (int i = 0; i < 120; i++) {
			sales.add(new com.settledesk.acquiring.Capture(String.format("PG%s-%03d", merchant.terminalSn(), i),
					merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 1000L + i,
					clock.instant().minusSeconds(120 - i)));
		}
		transactions.captureAll(sales);
		String cookie = api.webLogin(merchant.owner());

		String ref = "PG" + merchant.terminalSn() + "-";
		String first = page(cookie, "");
		assertThat(first).contains("共 120 笔").contains("第 1/3 页").contains(ref + "119").contains(ref + "070")
			.doesNotContain(ref + "069")
			.contains("id=\"page-older\"").doesNotContain("id=\"page-newer\"");
		String second = page(cookie, "page=1&channel=QR_WECHAT");
		assertThat(second).contains("第 2/3 页").contains(ref + "069").contains(ref + "020").doesNotContain(ref + "070")
			.contains("channel=QR_WECHAT&amp;amount=&amp;reference=&amp;terminal=&amp;card=&amp;page=2").contains("id=\"page-newer\"");
		assertThat(page(cookie, "page=2")).contains(ref + "000").doesNotContain("id=\"page-older\"");
		assertThat(page(cookie, "page=-1")).contains("第 1/3 页");
		assertThat(page(cookie, "page=99999999999")).contains("共 120 笔").doesNotContain("class=\"transaction\"");
	}

	@Test
	void hostile_filters_get_a_message_on_their_field_and_no_search() {
		var merchant = fixtures.individual();
		String cookie = api.webLogin(merchant.owner());
		String body = page(cookie, "from=garbage&to=2026-13-45&amount=1e999&card=" + q("' OR 1=1 --") + "&terminal="
				+ q("../../etc") + "&channel=NOPE&reference=" + q("x".repeat(5000)));
		assertThat(body).contains("请选择正确的日期。", "请输入大于 0 的金额", "请输入卡号的后四位数字。",
				"没有这台终端", "最多 64 个字符。");
		assertThat(page(cookie, "from=2026-01-01&to=2025-01-01")).contains("结束日期不能早于开始日期。");
		assertThat(page(cookie, "from=2020-01-01&to=2026-01-01")).contains("一次最多查询 366 天");
		assertThat(page(cookie, "amount=" + q("¥0.001"))).contains("请输入大于 0 的金额");
		assertThat(page(cookie, "reference=" + q("%") + "&card=6788")).contains("没有符合条件的交易");
		assertThat(page(cookie, "terminal=" + merchant.terminalSn() + "&amount=" + q("1,000"))).contains("共 0 笔");
	}

	@Test
	void a_transaction_has_its_own_page_for_its_merchant_only() {
		var merchant = fixtures.individual();
		var sale = transactions.capture(new com.settledesk.acquiring.Capture("D" + MerchantFixtures.digits(12),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_ALIPAY", "NONE", 1234567L, clock.instant()))
			.transaction();
		var own = api.send(api.builder("/transactions/" + sale.id(), null).header("Cookie", api.webLogin(merchant.cashier()))
			.GET());
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("¥12,345.67", "支付宝", sale.reference(), "class=\"secondary outline ask-service\"");
		String other = api.webLogin(fixtures.individual().owner());
		for (String id : new String[] { sale.id().toString(), "not-a-uuid", java.util.UUID.randomUUID().toString() }) {
			var response = api.send(api.builder("/transactions/" + id, null).header("Cookie", other).GET());
			assertThat(response.status()).as(id).isEqualTo(404);
			assertThat(response.body()).doesNotContain(sale.reference(), "12,345.67");
		}
	}
}
