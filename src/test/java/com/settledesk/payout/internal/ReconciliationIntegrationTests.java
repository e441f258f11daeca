package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.acquiring.Capture;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ApiClient.Response;
import com.settledesk.testsupport.MerchantFixtures.TestMerchant;

import tools.jackson.databind.JsonNode;

/** A bank result file reconciled against payouts: every kind of break, idempotent import, refusal of bad files. */
class ReconciliationIntegrationTests extends PayoutTestSupport {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

	@Autowired
	ApiClient api;

	@Test
	void a_crafted_file_yields_one_break_of_each_kind_and_the_same_file_again_changes_nothing() {
		PayoutView matched = paidPayout(SimulatedBank.Scripted.PAID, DAY);
		PayoutView amountDiffers = paidPayout(SimulatedBank.Scripted.PAID, DAY);
		PayoutView waiting = paidPayout(SimulatedBank.Scripted.TIMEOUT, DAY);
		PayoutView missing = paidPayout(SimulatedBank.Scripted.PAID, DAY);
		assertThat(waiting.status()).isEqualTo(PayoutStatus.UNKNOWN);
		UUID unknown = UUID.randomUUID();
		String file = file(DAY, line(matched, matched.amount().fen(), "PAID"),
				line(amountDiffers, amountDiffers.amount().fen() + 1, "PAID"), line(waiting, waiting.amount().fen(), "PAID"),
				"D|" + unknown + "|fp|4200|PAID|SIMX0001");

		JsonNode job = importFile("result-2025-03-03.txt", file);
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
		JsonNode run = runFor("result-2025-03-03.txt");
		assertThat(run.get("lines").asLong()).isEqualTo(4);
		assertThat(run.get("matched").asLong()).isEqualTo(1);
		assertThat(run.get("breaks").asLong()).isEqualTo(4);
		Map<String, String> kinds = breaks(run).stream()
			.collect(Collectors.toMap(b -> b.get("payoutId").asString(), b -> b.get("kind").asString()));
		assertThat(kinds).containsOnly(Map.entry(amountDiffers.id().toString(), "AMOUNT_MISMATCH"),
				Map.entry(waiting.id().toString(), "STATUS_MISMATCH"), Map.entry(missing.id().toString(), "MISSING_AT_BANK"),
				Map.entry(unknown.toString(), "UNKNOWN_AT_BANK"));

		String summary = new String(api.download("/api/v1/jobs/" + job.get("id").asString() + "/result",
				api.token("finance1")), StandardCharsets.UTF_8);
		assertThat(summary).contains("AMOUNT_MISMATCH,1", "MISSING_AT_BANK,1", "STATUS_MISMATCH,1", "UNKNOWN_AT_BANK,1");
		String export = new String(api.download("/api/v1/ops/reconciliation/runs/" + run.get("id").asString()
				+ "/breaks.csv", api.token("finance1")), StandardCharsets.UTF_8);
		assertThat(export.lines()).hasSize(5).anySatisfy(line -> assertThat(line).contains(unknown.toString(),
				"UNKNOWN_AT_BANK", "4200"));

		long runs = count("recon_run");
		long lines = count("recon_line");
		JsonNode again = importFile("the-same-file-renamed.txt", file);
		assertThat(again.get("status").asString()).isEqualTo("FAILED");
		assertThat(again.get("failureCode").asString()).isEqualTo("RECON_ALREADY_IMPORTED");
		assertThat(count("recon_run")).isEqualTo(runs);
		assertThat(count("recon_line")).isEqualTo(lines);
	}

	@Test
	void a_cut_off_or_corrupt_file_is_refused_whole_with_the_line_that_broke_it() {
		PayoutView paid = paidPayout(SimulatedBank.Scripted.PAID, DAY.plusDays(1));
		String good = file(DAY.plusDays(1), line(paid, paid.amount().fen(), "PAID"), line(paid, 1, "PAID"));
		long lines = count("recon_line");
		long runs = count("recon_run");

		JsonNode truncated = importFile("cut.txt", good.substring(0, good.lastIndexOf("T|")));
		assertThat(truncated.get("failureCode").asString()).isEqualTo("RECON_TRUNCATED");
		JsonNode corrupt = importFile("corrupt.txt", good.replaceFirst("\\|PAID\\|", "|PAYED|"));
		assertThat(corrupt.get("failureCode").asString()).isEqualTo("RECON_BAD_LINE");
		assertThat(corrupt.get("failureDetail").asString()).isEqualTo("2");
		assertThat(count("recon_line")).as("nothing half-imported").isEqualTo(lines);
		assertThat(count("recon_run")).isEqualTo(runs);
	}

	@Test
	void taking_the_banks_answer_for_a_payout_still_waiting_pays_it_and_resolving_is_audited() {
		PayoutView waiting = paidPayout(SimulatedBank.Scripted.TIMEOUT, DAY.plusDays(2));
		String file = file(DAY.plusDays(2), line(waiting, waiting.amount().fen(), "PAID"));
		assertThat(importFile("waiting.txt", file).get("status").asString()).isEqualTo("DONE");
		JsonNode breakLine = breaks(runFor("waiting.txt")).stream()
			.filter(b -> b.get("payoutId").asString().equals(waiting.id().toString())).findFirst().orElseThrow();
		String resolution = "/api/v1/ops/reconciliation/breaks/" + breakLine.get("id").asLong() + "/resolution";

		assertThat(api.post(resolution, Map.of("note", "x"), api.token("finance1")).status()).isEqualTo(422);
		assertThat(api.post(resolution, Map.of("note", "查实银行已付", "applyBankAnswer", true), api.token("reviewer1"))
			.status()).isEqualTo(403);
		assertThat(api.post(resolution, Map.of("note", "查实银行已付", "applyBankAnswer", true), api.token("finance1"))
			.status()).isEqualTo(204);
		assertThat(payouts.byIds(List.of(waiting.id())).get(waiting.id()).status()).isEqualTo(PayoutStatus.PAID);
		assertThat(api.post(resolution, Map.of("note", "again"), api.token("finance1")).status()).isEqualTo(409);
		assertThat(ledger.consistent()).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'RECONCILIATION_BREAK_RESOLVED'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void the_banks_answer_for_a_payout_settled_since_the_import_is_refused_and_the_break_stays_open() {
		LocalDate day = LocalDate.of(2025, 7, 4);
		PayoutView waiting = paidPayout(SimulatedBank.Scripted.TIMEOUT, day);
		assertThat(importFile("settled-since-2025-07-04.txt", file(day, line(waiting, waiting.amount().fen(), "FAILED")))
			.get("status").asString()).isEqualTo("DONE");
		JsonNode breakLine = breaks(runFor("settled-since-2025-07-04.txt")).stream()
			.filter(b -> b.get("payoutId").asString().equals(waiting.id().toString())).findFirst().orElseThrow();
		assertThat(breakLine.get("kind").asString()).isEqualTo("STATUS_MISMATCH");
		payouts.apply(waiting.id(), new BankChannel.Answer(BankChannel.Outcome.PAID, "SIMLATE01", null));
		String resolution = "/api/v1/ops/reconciliation/breaks/" + breakLine.get("id").asLong() + "/resolution";

		Response refused = api.post(resolution, Map.of("note", "按银行结果处理", "applyBankAnswer", true), api.token("finance1"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("BANK_ANSWER_NOT_APPLICABLE");
		assertThat(payouts.byIds(List.of(waiting.id())).get(waiting.id()).status()).isEqualTo(PayoutStatus.PAID);
		JsonNode still = breaks(runFor("settled-since-2025-07-04.txt")).stream()
			.filter(b -> b.get("id").asLong() == breakLine.get("id").asLong()).findFirst().orElseThrow();
		assertThat(still.get("status").asString()).as("not marked resolved").isEqualTo("OPEN");
		assertThat(ledger.consistent()).isTrue();
		assertThat(api.post(resolution, Map.of("note", "银行后来付了，核实无误"), api.token("finance1")).status()).isEqualTo(204);
	}

	@Test
	void the_simulated_banks_file_for_a_closed_day_reconciles_what_it_paid() {
		LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE).minusDays(1);
		PayoutView paid = paidPayout(SimulatedBank.Scripted.PAID, yesterday);
		OffsetDateTime noon = yesterday.atTime(12, 0).atZone(ClockConfiguration.DISPLAY_ZONE).toOffsetDateTime()
			.withOffsetSameInstant(ZoneOffset.UTC);
		jdbc.sql("UPDATE sim_bank_transfer SET received_at = :at WHERE payout_id = :id").param("at", noon)
			.param("id", paid.id()).update();

		Response started = api.post("/api/v1/ops/reconciliation/bank-files", Map.of("date", yesterday.toString()),
				api.token("finance1"));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		JsonNode job = await(started.json().get("statusUrl").asString());
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
		JsonNode run = runFor("SIMBANK-" + yesterday + ".txt");
		assertThat(run.get("lines").asLong()).isPositive();
		assertThat(breaks(run).stream().map(b -> b.get("payoutId").asString())).doesNotContain(paid.id().toString());
		assertThat(api.post("/api/v1/ops/reconciliation/bank-files",
				Map.of("date", LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE).toString()),
				api.token("finance1")).status()).as("a day not over yet").isEqualTo(422);
	}

	/** A payout to a new merchant's card, handed to the bank that answers as scripted, recorded as submitted on the day. */
	@Test
	void the_banks_camt_053_statement_reconciles_into_the_same_breaks_and_a_return_is_the_payouts_last_word() {
		LocalDate day = LocalDate.of(2025, 4, 7);
		PayoutView paid = paidPayout(SimulatedBank.Scripted.PAID, day);
		PayoutView returnedAtBank = paidPayout(SimulatedBank.Scripted.PAID, day);
		PayoutView failed = paidPayout(SimulatedBank.Scripted.FAILED, day);
		PayoutView missing = paidPayout(SimulatedBank.Scripted.PAID, day);
		assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
		UUID unknown = UUID.randomUUID();
		String statement = camt053(day, entry(paid, "DBIT", false), entry(returnedAtBank, "DBIT", false),
				entry(returnedAtBank, "CRDT", true), entry(unknown, 4200, "DBIT", false),
				"<Ntry><Amt Ccy=\"CNY\">3.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
						+ "<AcctSvcrRef>FEE0001</AcctSvcrRef></Ntry>");

		JsonNode job = importFile("camt053-2025-04-07.xml", statement);
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
		JsonNode run = runFor("camt053-2025-04-07.xml");
		assertThat(run.get("lines").asLong()).as("the fee is no payout; debit and return are one line").isEqualTo(3);
		assertThat(run.get("matched").asLong()).isEqualTo(1);
		Map<String, String> kinds = breaks(run).stream()
			.collect(Collectors.toMap(b -> b.get("payoutId").asString(), b -> b.get("kind").asString()));
		assertThat(kinds).containsOnly(Map.entry(returnedAtBank.id().toString(), "STATUS_MISMATCH"),
				Map.entry(missing.id().toString(), "MISSING_AT_BANK"), Map.entry(unknown.toString(), "UNKNOWN_AT_BANK"));

		String cut = statement.substring(0, statement.length() / 2);
		JsonNode truncated = importFile("camt053-cut.xml", cut);
		assertThat(truncated.get("status").asString()).isEqualTo("FAILED");
		assertThat(truncated.get("failureCode").asString()).isEqualTo("RECON_TRUNCATED");
	}

	@Test
	void a_payout_failed_here_but_paid_at_the_bank_is_the_most_severe_break_listed_first_and_raises_the_alert() {
		LocalDate day = LocalDate.of(2025, 5, 6);
		PayoutView failedHere = paidPayout(SimulatedBank.Scripted.FAILED, day);
		PayoutView amountDiffers = paidPayout(SimulatedBank.Scripted.PAID, day);
		assertThat(failedHere.status()).isEqualTo(PayoutStatus.FAILED);
		String file = file(day, line(amountDiffers, amountDiffers.amount().fen() + 1, "PAID"),
				line(failedHere, failedHere.amount().fen(), "PAID"));
		assertThat(importFile("result-2025-05-06.txt", file).get("status").asString()).isEqualTo("DONE");
		List<JsonNode> breaks = breaks(runFor("result-2025-05-06.txt"));
		assertThat(breaks.get(0).get("kind").asString()).isEqualTo("FAILED_HERE_PAID_AT_BANK");
		assertThat(breaks.get(0).get("payoutId").asString()).isEqualTo(failedHere.id().toString());
		assertThat(breaks).extracting(b -> b.get("kind").asString()).containsExactly("FAILED_HERE_PAID_AT_BANK",
				"AMOUNT_MISMATCH");
		String metrics = api.get("/actuator/prometheus", api.token("admin")).body();
		assertThat(metrics).containsPattern("settledesk_reconciliation_severe_breaks_open(\\{[^}]*\\})? [1-9]");
	}

	@Test
	void a_different_file_for_a_day_already_imported_is_refused_unless_finance_replaces_it_with_a_reason() {
		LocalDate day = LocalDate.of(2025, 7, 1);
		PayoutView paid = paidPayout(SimulatedBank.Scripted.PAID, day);
		String first = file(day, line(paid, paid.amount().fen() + 1, "PAID"));
		assertThat(importFile("first-2025-07-01.txt", first).get("status").asString()).isEqualTo("DONE");
		JsonNode firstRun = runFor("first-2025-07-01.txt");
		long firstBreak = breaks(firstRun).get(0).get("id").asLong();
		String corrected = file(day, line(paid, paid.amount().fen(), "PAID"));
		long runs = count("recon_run");

		Response refusedStart = upload("corrected-2025-07-01.txt", corrected, "");
		JsonNode refused = await(refusedStart.json().get("statusUrl").asString());
		assertThat(refused.get("failureCode").asString()).isEqualTo("RECON_DAY_ALREADY_IMPORTED");
		assertThat(refused.get("failureDetail").asString()).isEqualTo("first-2025-07-01.txt");
		JsonNode upload = api.get(refusedStart.json().get("uploadUrl").asString(), api.token("finance1")).json();
		assertThat(upload.get("status").asString()).isEqualTo("REFUSED");
		assertThat(upload.get("refusalCode").asString()).isEqualTo("RECON_DAY_ALREADY_IMPORTED");
		assertThat(count("recon_run")).isEqualTo(runs);
		String page = api.send(api.builder("/ops/reconciliation", null).header("Cookie", api.webLogin("finance1"))
			.header("Accept", "text/html").GET()).body();
		assertThat(page).contains("corrected-2025-07-01.txt").contains("已拒绝").contains("这一天已经接受过另一份文件");

		assertThat(upload("corrected-2025-07-01.txt", corrected, "&replace=true").status())
			.as("replacing needs a reason").isEqualTo(422);
		Response replacing = upload("corrected-2025-07-01.txt", corrected, "&replace=true&reason=%E9%93%B6%E8%A1%8C%E9%87%8D%E5%8F%91");
		assertThat(await(replacing.json().get("statusUrl").asString()).get("status").asString()).isEqualTo("DONE");

		JsonNode replacement = runFor("corrected-2025-07-01.txt");
		assertThat(replacement.get("breaks").asLong()).isZero();
		JsonNode superseded = runFor("first-2025-07-01.txt");
		assertThat(superseded.get("supersededBy").asString()).isEqualTo(replacement.get("id").asString());
		assertThat(superseded.get("supersededReason").asString()).isEqualTo("银行重发");
		assertThat(superseded.get("openBreaks").asLong()).isZero();
		assertThat(breaks(superseded).get(0).get("status").asString()).isEqualTo("SUPERSEDED");
		assertThat(api.post("/api/v1/ops/reconciliation/breaks/" + firstBreak + "/resolution", Map.of("note", "已核实"),
				api.token("finance1")).status()).isEqualTo(409);
		assertThat(api.get(replacing.json().get("uploadUrl").asString(), api.token("finance1")).json().get("runId").asString())
			.isEqualTo(replacement.get("id").asString());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'RECONCILIATION_FILE_REPLACED' AND target_id = :id")
			.param("id", firstRun.get("id").asString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_line_paid_to_another_account_than_the_payouts_card_is_a_break_of_its_own_kind() {
		LocalDate day = LocalDate.of(2025, 7, 2);
		PayoutView paid = paidPayout(SimulatedBank.Scripted.PAID, day);
		String elsewhere = line(paid, paid.amount().fen(), "PAID").replaceFirst("\\|[^|]+\\|" + paid.amount().fen(),
				"|someone-elses-account-fingerprint|" + paid.amount().fen());
		assertThat(importFile("elsewhere-2025-07-02.txt", file(day, elsewhere)).get("status").asString()).isEqualTo("DONE");
		JsonNode run = runFor("elsewhere-2025-07-02.txt");
		assertThat(breaks(run)).extracting(b -> b.get("kind").asString()).containsExactly("ACCOUNT_MISMATCH");
		assertThat(run.get("matched").asLong()).isZero();
	}

	@Test
	void lines_for_payouts_created_on_another_day_are_matched_and_reported_as_other_day() {
		LocalDate day = LocalDate.of(2025, 7, 3);
		PayoutView sameDay = paidPayout(SimulatedBank.Scripted.PAID, day);
		PayoutView earlier = paidPayout(SimulatedBank.Scripted.PAID, day);
		jdbc.sql("UPDATE payout SET created_at = :at WHERE id = :id")
			.param("at", day.atTime(9, 0).atZone(ClockConfiguration.DISPLAY_ZONE).toOffsetDateTime()
				.withOffsetSameInstant(ZoneOffset.UTC))
			.param("id", sameDay.id()).update();
		String file = file(day, line(sameDay, sameDay.amount().fen(), "PAID"), line(earlier, earlier.amount().fen(), "PAID"));
		JsonNode job = importFile("other-day-2025-07-03.txt", file);
		JsonNode run = runFor("other-day-2025-07-03.txt");
		assertThat(run.get("matched").asLong()).isEqualTo(2);
		assertThat(run.get("otherDayLines").asLong()).isEqualTo(1);
		String summary = new String(api.download("/api/v1/jobs/" + job.get("id").asString() + "/result",
				api.token("finance1")), StandardCharsets.UTF_8);
		assertThat(summary.lines().toList().get(1)).endsWith(",2,0,1,");
	}

	private static String entry(PayoutView payout, String direction, boolean returned) {
		return entry(payout.id(), payout.amount().fen(), direction, returned);
	}

	private static String entry(UUID payout, long fen, String direction, boolean returned) {
		return "<Ntry><Amt Ccy=\"CNY\">" + java.math.BigDecimal.valueOf(fen, 2).toPlainString() + "</Amt><CdtDbtInd>"
				+ direction + "</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><AcctSvcrRef>B" + payout.toString().substring(0, 8)
				+ direction + "</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>" + payout + "</EndToEndId></Refs>"
				+ (returned ? "<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>" : "") + "</TxDtls></NtryDtls></Ntry>";
	}

	private static String camt053(LocalDate day, String... entries) {
		long fen = 0;
		for (String entry : entries) {
			String amount = entry.substring(entry.indexOf("\">") + 2, entry.indexOf("</Amt>"));
			fen += new java.math.BigDecimal(amount).movePointRight(2).longValueExact();
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"" + Camt053Statement.NAMESPACE + "\">"
				+ "<BkToCstmrStmt><GrpHdr><MsgId>STMT-" + day + "</MsgId><CreDtTm>" + day.plusDays(1) + "T01:00:00+08:00"
				+ "</CreDtTm></GrpHdr><Stmt><Id>S-" + day + "</Id><FrToDt><FrDtTm>" + day + "T00:00:00+08:00</FrDtTm><ToDtTm>"
				+ day + "T23:59:59+08:00</ToDtTm></FrToDt><Acct><Id><Othr><Id>1001</Id></Othr></Id><Svcr><FinInstnId>"
				+ "<BICFI>SIMBCNBJ</BICFI></FinInstnId></Svcr></Acct><TxsSummry><TtlNtries><NbOfNtries>" + entries.length
				+ "</NbOfNtries><Sum>" + java.math.BigDecimal.valueOf(fen, 2).toPlainString() + "</Sum></TtlNtries>"
				+ "</TxsSummry>" + String.join("", entries) + "</Stmt></BkToCstmrStmt></Document>";
	}

	private PayoutView paidPayout(SimulatedBank.Scripted outcome, LocalDate submittedOn) {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), outcome, null);
		transactions.capture(new Capture("RC" + UUID.randomUUID().toString().substring(0, 18),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 123456L, clock.instant()));
		payouts.settle("D0");
		payouts.submitDue();
		PayoutView payout = payouts.ofMerchant(merchant.profile().id(), 1).get(0);
		jdbc.sql("UPDATE payout SET submitted_at = :at WHERE id = :id")
			.param("at", submittedOn.atTime(10, 0).atZone(ClockConfiguration.DISPLAY_ZONE).toOffsetDateTime()
				.withOffsetSameInstant(ZoneOffset.UTC))
			.param("id", payout.id()).update();
		return payout;
	}

	private String line(PayoutView payout, long amountFen, String status) {
		String fingerprint = jdbc.sql("SELECT destination_fingerprint FROM payout WHERE id = :id").param("id", payout.id())
			.query(String.class).single();
		return "D|" + payout.id() + "|" + fingerprint + "|" + amountFen + "|" + status + "|SIM" + payout.id().toString().substring(0, 8);
	}

	private static String file(LocalDate day, String... details) {
		long sum = 0;
		for (String detail : details) {
			sum += Long.parseLong(detail.split("\\|")[3]);
		}
		return "H|SETTLEDESK-BANK-RESULT|1|" + day + "|SIMBANK\n" + String.join("\n", details) + "\nT|" + details.length + "|"
				+ sum + "\n";
	}

	private JsonNode importFile(String name, String content) {
		Response started = upload(name, content, "");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		return await(started.json().get("statusUrl").asString());
	}

	private Response upload(String name, String content, String query) {
		return api.send(api.builder("/api/v1/ops/reconciliation/files?name=" + name + query, api.token("finance1"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8)));
	}

	private JsonNode await(String statusUrl) {
		String token = api.token("finance1");
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get(statusUrl, token).json().get("status").asString(), status -> !status.equals("RUNNING"));
		return api.get(statusUrl, token).json();
	}

	private JsonNode runFor(String fileName) {
		for (JsonNode run : api.get("/api/v1/ops/reconciliation/runs", api.token("finance1")).json()) {
			if (run.get("fileName").asString().equals(fileName)) {
				return run;
			}
		}
		throw new AssertionError("no run for " + fileName);
	}

	private List<JsonNode> breaks(JsonNode run) {
		List<JsonNode> list = new ArrayList<>();
		api.get("/api/v1/ops/reconciliation/runs/" + run.get("id").asString() + "/breaks", api.token("finance1")).json()
			.forEach(list::add);
		return list;
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}
}
