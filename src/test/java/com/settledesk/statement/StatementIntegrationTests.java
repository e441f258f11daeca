package com.settledesk.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ApiClient.Response;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MutableClock;

import tools.jackson.databind.JsonNode;

/** Statements, receipts and fee disputes through the API, tied to the ledger. */
@IntegrationTest
class StatementIntegrationTests {

	private static final String CAPTURE = "/api/v1/acquiring/transactions";
	private static final String SHOP = "822100058120001";

	@Autowired
	ApiClient api;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void a_days_statement_explains_every_posting_and_ties_to_the_ledger_to_the_fen() {
		String refunded = capture(12345, "CARD_CHIP", "DEBIT");
		capture(880000, "CARD_CHIP", "CREDIT");
		capture(999, "QR_ALIPAY", "NONE");
		assertThat(api.post(CAPTURE + "/" + refunded + "/refund", null, api.token("gateway")).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/ops/settlement/runs", Map.of("mode", "D0"), api.token("admin")).status()).isEqualTo(200);

		JsonNode statement = api.get("/api/v1/merchant/statements/" + today(), api.token("13800000001")).json();
		long effects = 0;
		long fees = 0;
		for (JsonNode line : statement.get("lines")) {
			effects += line.get("effectFen").asLong();
			fees += line.get("feeFen").asLong();
		}
		assertThat(statement.get("merchantName").asString()).isEqualTo("张三便利店");
		assertThat(statement.get("openingFen").asLong() + effects).isEqualTo(statement.get("closingFen").asLong());
		Money owed = ledger.balance(LedgerAccount.merchantPayable(shop())).negate();
		assertThat(statement.get("closingFen").asLong()).isEqualTo(owed.fen());
		assertThat(statement.get("feesFen").asLong()).isEqualTo(fees);
		// the totals at the top tie out on their own: payouts are what reached the card, their fee sits with the fees
		assertThat(statement.get("openingFen").asLong() + statement.get("takingsFen").asLong()
				- statement.get("refundsFen").asLong() - statement.get("feesFen").asLong()
				- statement.get("payoutsFen").asLong() + statement.get("moneyBackFen").asLong())
			.isEqualTo(statement.get("closingFen").asLong());
		assertThat(statement.get("lines").findValuesAsString("kind")).contains("CAPTURE", "REFUND", "PAYOUT");
		long postingsToday = jdbc.sql("""
				SELECT COUNT(*) FROM posting p JOIN journal_entry e ON e.id = p.entry_id
				WHERE p.account = :account AND e.created_at >= :from""")
			.param("account", LedgerAccount.merchantPayable(shop()).name())
			.param("from", java.time.OffsetDateTime.ofInstant(LocalDate.parse(today()).atStartOfDay(ClockConfiguration.DISPLAY_ZONE)
				.toInstant(), java.time.ZoneOffset.UTC))
			.query(Long.class).single();
		assertThat(statement.get("lines")).hasSize((int) postingsToday);
	}

	@Test
	void the_pdf_statement_embeds_a_chinese_font_so_the_merchant_name_reads_back_from_it() throws Exception {
		capture(5000, "QR_WECHAT", "NONE");
		byte[] pdf = api.download("/api/v1/merchant/statements/" + today() + "/file?format=pdf", api.token("13800000001"));
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("张三便利店", "商户对账单", "期初余额", "交易");
		}
	}

	@Test
	void every_column_of_the_pdf_statement_reads_back_whole_times_cards_and_references_included() throws Exception {
		capture(7000, "CARD_CHIP", "DEBIT");
		assertThat(api.post("/api/v1/ops/settlement/runs", Map.of("mode", "D0"), api.token("finance1")).status())
			.isEqualTo(200);
		var lines = api.get("/api/v1/merchant/statements/" + today(), api.token("13800000001")).json().get("lines");
		String payoutReference = null;
		String card = null;
		for (var line : lines) {
			if (line.has("destinationMasked")) {
				payoutReference = line.get("reference").asString();
				card = line.get("destinationMasked").asString();
			}
		}
		assertThat(payoutReference).as("the sweep paid the shop out today").isNotNull();
		byte[] pdf = api.download("/api/v1/merchant/statements/" + today() + "/file?format=pdf", api.token("13800000001"));
		try (var document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).doesNotContain("…");
			assertThat(text).containsPattern(java.util.regex.Pattern.compile("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d"));
			String joined = text.replaceAll("\\s", "");
			assertThat(joined).contains(payoutReference.replaceAll("\\s", ""), card);
		}
	}

	@Test
	void the_csv_statement_starts_with_a_byte_order_mark_and_carries_chinese_text() {
		capture(6000, "QR_WECHAT", "NONE");
		byte[] csv = api.download("/api/v1/merchant/statements/" + today() + "/file?format=csv", api.token("13800000001"));
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("张三便利店", "期末余额", "时间,类型,参考号,金额,手续费,余额变动,余额,说明");
	}

	@Test
	void a_statement_for_a_day_to_come_or_an_unreadable_day_is_refused_by_field() {
		String owner = api.token("13800000001");
		assertThat(api.get("/api/v1/merchant/statements/" + LocalDate.parse(today()).plusDays(1), owner).status())
			.isEqualTo(422);
		Response bad = api.get("/api/v1/merchant/statements/yesterday", owner);
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("date");
		assertThat(api.get("/api/v1/merchant/statements/" + today() + "/file?format=xls", owner).status()).isEqualTo(422);
	}

	@Test
	void a_fee_gets_one_numbered_receipt_whoever_asks_again_and_only_its_merchant_gets_it() throws Exception {
		String reference = capture(500000, "CARD_CHIP", "DEBIT");
		String id = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM card_transaction WHERE reference = :r").param("r", reference)
			.query(String.class).single();
		Map<String, Object> fee = Map.of("entryKind", "CAPTURE", "entryReference", id);
		Response first = api.post("/api/v1/merchant/receipts", fee, api.token("13800000001"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		String number = first.json().get("number").asString();
		assertThat(number).matches("SD\\d{16}");
		assertThat(first.json().get("amountFen").asLong()).isEqualTo(2000);
		assertThat(api.post("/api/v1/merchant/receipts", fee, api.token("13800000001")).json().get("number").asString())
			.isEqualTo(number);
		assertThat(api.post("/api/v1/merchant/receipts", fee, api.token("13900000001")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/merchant/receipts/" + number + "/pdf", api.token("13900000001")).status()).isEqualTo(404);

		byte[] pdf = api.download("/api/v1/merchant/receipts/" + number + "/pdf", api.token("13800000001"));
		try (var document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("收据", number, "张三便利店", "交易手续费", "20.00");
		}
	}

	@Test
	void a_fee_can_be_questioned_once_from_its_statement_line_and_an_operator_answers_it() {
		String reference = capture(300000, "CARD_SWIPE", "CREDIT");
		String id = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM card_transaction WHERE reference = :r").param("r", reference)
			.query(String.class).single();
		String owner = api.token("13800000001");
		Map<String, Object> dispute = new HashMap<>(Map.of("entryKind", "CAPTURE", "entryReference", id, "reason", "费率不对？"));
		assertThat(api.post("/api/v1/merchant/fee-disputes", Map.of("entryKind", "CAPTURE", "entryReference", id,
				"reason", "贵"), owner).json().get("errors").findValuesAsString("code")).containsExactly("TOO_SHORT");
		dispute.put("reason", "信用卡费率应为 0.55%，为什么收 0.60%？");
		Response raised = api.post("/api/v1/merchant/fee-disputes", dispute, owner);
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		assertThat(raised.json().get("feeFen").asLong()).isEqualTo(1800);
		assertThat(api.post("/api/v1/merchant/fee-disputes", dispute, owner).status()).isEqualTo(409);

		String disputeId = raised.json().get("id").asString();
		assertThat(api.get("/api/v1/ops/fee-disputes", api.token("finance1")).json().findValuesAsString("id"))
			.contains(disputeId);
		assertThat(api.post("/api/v1/ops/fee-disputes/" + disputeId + "/resolution",
				Map.of("resolution", "按合同费率 0.60% 收取，无误。"), api.token("finance1")).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/merchant/fee-disputes", owner).json().findValuesAsString("status")).contains("RESOLVED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'FEE_DISPUTE_RESOLVED'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void a_months_statement_is_prepared_in_the_background_with_progress_and_downloaded_when_done() {
		for (int i = 0; i < 3; i++) {
			capture(1000 + i, "QR_WECHAT", "NONE");
		}
		String owner = api.token("13800000001");
		Response started = api.post("/api/v1/merchant/statements/monthly",
				Map.of("month", today().substring(0, 7), "format", "CSV"), owner);
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		String job = started.json().get("statusUrl").asString();
		await().atMost(Duration.ofSeconds(20)).until(() -> api.get(job, owner).json().get("status").asString(),
				status -> !status.equals("RUNNING"));
		JsonNode done = api.get(job, owner).json();
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("percent").asInt()).isEqualTo(100);
		assertThat(api.get(job, api.token("13900000001")).status()).isEqualTo(404);
		String csv = new String(api.download(job + "/result", owner), StandardCharsets.UTF_8);
		assertThat(csv).contains("张三便利店", today().substring(0, 7) + "-01 ~ ");
	}

	private MerchantId shop() {
		return MerchantId.of(jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM merchant WHERE merchant_no = :no").param("no", SHOP)
			.query(String.class).single());
	}

	private String today() {
		return LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE).toString();
	}

	private String capture(long amount, String channel, String cardKind) {
		String reference = "ST" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		Map<String, Object> body = new HashMap<>();
		body.put("reference", reference);
		body.put("merchantNo", SHOP);
		body.put("terminalSn", "T100000001");
		body.put("channel", channel);
		body.put("cardKind", cardKind);
		body.put("amountFen", amount);
		body.put("occurredAt", clock.instant().toString());
		assertThat(api.post(CAPTURE, body, api.token("gateway")).status()).isEqualTo(201);
		return reference;
	}
}
