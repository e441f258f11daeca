package com.settledesk.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.audit.AuditLog;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

/** Tickets through the API as merchants and agents use them (api-v1.md, "Service desk"). */
@IntegrationTest
class ServiceDeskIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	AuditLog audit;

	@Autowired
	Tickets tickets;
	@Autowired
	MutableClock clock;

	@Autowired
	com.settledesk.acquiring.Transactions transactions;

	@Autowired
	com.settledesk.servicedesk.AgentDesk desk;

	MerchantFixtures.TestMerchant merchant;
	String owner;
	String agent;

	@BeforeEach
	void aMerchantAndAnAgent() {
		merchant = fixtures.individual();
		owner = api.token(merchant.owner());
		agent = api.token("agent1");
	}

	ApiClient.Response open(String token, Map<String, ?> body) {
		return api.post("/api/v1/merchant/tickets", body, token);
	}

	String openTicket() {
		var created = open(owner, Map.of("category", "OTHER", "subject", "发票怎么开", "body", "想开增值税发票"));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	@Test
	void a_merchant_opens_a_ticket_with_a_number_to_quote_and_reads_it_back() {
		var created = open(owner, Map.of("category", "PAYOUT", "subject", "钱没到", "body", "昨天的出款没有到账"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("number").asString()).matches("CS\\d{8}-\\d{4}");
		assertThat(created.json().get("status").asString()).isEqualTo("OPEN");
		String id = created.json().get("id").asString();
		var detail = api.get("/api/v1/merchant/tickets/" + id, owner).json();
		assertThat(detail.get("messages").get(0).get("from").asString()).isEqualTo("MERCHANT");
		assertThat(detail.get("messages").get(0).get("body").asString()).isEqualTo("昨天的出款没有到账");
		assertThat(api.get("/api/v1/merchant/tickets", api.token(merchant.cashier())).body()).contains(id);
	}

	@Test
	void the_same_idempotency_key_answers_the_first_ticket_and_another_body_under_it_is_refused() {
		String key = "same-" + UUID.randomUUID();
		var a = api.send(api.builder("/api/v1/merchant/tickets", owner).header("Content-Type", "application/json")
			.header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"category\":\"FEE\",\"subject\":\"手续费\",\"body\":\"费率不对\"}")));
		var b = api.send(api.builder("/api/v1/merchant/tickets", owner).header("Content-Type", "application/json")
			.header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"category\":\"FEE\",\"subject\":\"手续费\",\"body\":\"费率不对\"}")));
		var c = api.send(api.builder("/api/v1/merchant/tickets", owner).header("Content-Type", "application/json")
			.header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"category\":\"FEE\",\"subject\":\"手续费\",\"body\":\"别的内容\"}")));
		assertThat(a.status()).isEqualTo(201);
		assertThat(b.status()).isEqualTo(200);
		assertThat(b.json().get("id").asString()).isEqualTo(a.json().get("id").asString());
		assertThat(c.status()).isEqualTo(422);
		assertThat(c.body()).contains("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void bad_input_is_answered_on_its_fields_and_nothing_is_written() {
		int before = api.get("/api/v1/merchant/tickets", owner).json().size();
		var bad = open(owner, Map.of("category", "NOPE", "subject", "", "body", "x".repeat(4001)));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("\"category\"", "INVALID", "\"subject\"", "REQUIRED", "\"body\"", "TOO_LONG")
			.doesNotContain("Exception", "SQL");
		var wrongType = api.postRaw("/api/v1/merchant/tickets", "{\"category\": [1], \"subject\": {}}", owner);
		assertThat(wrongType.status()).isEqualTo(422);
		assertThat(wrongType.body()).doesNotContain("Exception", "jackson");
		assertThat(api.postRaw("/api/v1/merchant/tickets", "{\"category\": ", owner).status()).isEqualTo(400);
		var other = fixtures.individual();
		String othersPayout = UUID.randomUUID().toString();
		assertThat(open(owner, Map.of("category", "PAYOUT", "subject", "s", "body", "b", "relatedId", othersPayout))
			.body()).contains("relatedId", "NOT_FOUND");
		assertThat(open(owner, Map.of("category", "TERMINAL", "subject", "s", "body", "b", "relatedId",
				other.terminalSn())).status()).as("another merchant's terminal").isEqualTo(422);
		assertThat(open(owner, Map.of("category", "OTHER", "subject", "s", "body", "b", "attachmentIds",
				List.of(UUID.randomUUID().toString()))).body()).contains("attachmentIds");
		assertThat(api.get("/api/v1/merchant/tickets", owner).json().size()).isEqualTo(before);
	}

	@Test
	void a_ticket_opened_from_the_merchants_terminal_is_linked_to_it() {
		var created = open(owner, Map.of("category", "TERMINAL", "subject", "刷卡失败", "body", "一直提示 A0",
				"relatedId", merchant.terminalSn()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("relatedKind").asString()).isEqualTo("TERMINAL");
		assertThat(created.json().get("relatedId").asString()).isEqualTo(merchant.terminalSn());
	}

	@Test
	void a_fee_question_from_a_statement_line_shows_the_agent_that_sale_in_words() {
		var sale = transactions.capture(new com.settledesk.acquiring.Capture("FEEQ" + UUID.randomUUID().toString()
			.substring(0, 12), merchant.profile().merchantNo(), merchant.terminalSn(), "CARD_CHIP", "CREDIT", 2350L,
				clock.instant())).transaction();
		var created = open(owner, Map.of("category", "FEE", "subject", "手续费", "body", "为什么这么高",
				"relatedId", sale.id().toString()));
		assertThat(created.status()).isEqualTo(201);
		var related = desk.related(UUID.fromString(created.json().get("id").asString())).orElseThrow();
		assertThat(related.kind()).isEqualTo(com.settledesk.servicedesk.RelatedKind.STATEMENT_LINE);
		assertThat(related.amount()).isEqualTo(com.settledesk.shared.Money.ofFen(2350));
		assertThat(related.statusKey()).isEqualTo("transaction.status.CAPTURED");

		// the form names the merchant's own sale; another merchant's sale id, or no id at all, is only "this fee"
		String form = "/tickets/new?category=FEE&relatedId=";
		assertThat(page(api.webLogin(merchant.owner()), form + sale.id())).contains("¥23.50 交易");
		var stranger = fixtures.individual();
		assertThat(page(api.webLogin(stranger.owner()), form + sale.id())).contains("对账单上的这一笔手续费")
			.doesNotContain("¥23.50");
		assertThat(page(api.webLogin(stranger.owner()), form + "not-a-uuid")).contains("对账单上的这一笔手续费");
	}

	private String page(String cookie, String path) {
		var response = api.send(api.builder(path, null).header("Cookie", cookie).header("Accept", "text/html").GET());
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	@Test
	void another_merchants_ticket_is_not_found_for_reading_replying_or_rating() {
		String id = openTicket();
		var other = fixtures.individual();
		String stranger = api.token(other.owner());
		assertThat(api.get("/api/v1/merchant/tickets/" + id, stranger).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/messages", Map.of("body", "hi"), stranger).status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/rating", Map.of("score", 5), stranger).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/merchant/tickets/not-a-uuid", owner).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/ops/tickets", owner).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/merchant/tickets", agent).status()).isEqualTo(403);
	}

	@Test
	void internal_notes_never_reach_the_merchant_api_or_page() {
		String id = openTicket();
		String secret = "内部：怀疑套现，勿告知商户 " + UUID.randomUUID();
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/messages", Map.of("body", secret, "internal", true), agent)
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/ops/tickets/" + id, agent).body()).contains(secret);
		assertThat(api.get("/api/v1/merchant/tickets/" + id, owner).body()).doesNotContain(secret);
		assertThat(api.get("/api/v1/merchant/tickets", owner).body()).doesNotContain(secret);
		String cookie = api.webLogin(merchant.owner());
		var page = api.send(api.builder("/tickets/" + id, null).header("Cookie", cookie).GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("想开增值税发票").doesNotContain(secret);
		assertThat(api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).body()).doesNotContain(secret);
	}

	@Test
	void an_answer_tells_the_merchant_the_number_by_sms_never_the_text_and_the_merchant_rates_it() {
		var created = open(owner, Map.of("category", "PAYOUT", "subject", "钱没到", "body", "出款失败了"));
		String id = created.json().get("id").asString();
		String number = created.json().get("number").asString();
		String answer = "已核实，银行退票原因：户名不符 " + UUID.randomUUID();
		var answered = api.post("/api/v1/ops/tickets/" + id + "/messages", Map.of("body", answer, "waitForMerchant", true),
				agent);
		assertThat(answered.json().get("status").asString()).isEqualTo("WAITING_ON_MERCHANT");
		assertThat(answered.json().get("assignee").asString()).isEqualTo("agent1");
		String sms = api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).body();
		assertThat(sms).contains(number).doesNotContain(answer);
		assertThat(api.get("/api/v1/merchant/tickets/" + id, owner).body()).contains(answer);

		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/messages", Map.of("body", "好的，卡号已更新"), owner)
			.json().get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/rating", Map.of("score", 5), owner).status())
			.as("not resolved yet").isEqualTo(409);
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/resolve", Map.of("note", "已重新出款"), agent)
			.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/rating", Map.of("score", 9), owner).status())
			.isEqualTo(422);
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/rating", Map.of("score", "five"), owner).status())
			.isEqualTo(422);
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/rating", Map.of("score", 4), owner).json()
			.get("rating").asInt()).isEqualTo(4);
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/rating", Map.of("score", 5), owner).status())
			.isEqualTo(409);
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/messages", Map.of("body", "又没到"), owner)
			.json().get("status").asString()).as("a reply reopens it").isEqualTo("IN_PROGRESS");
	}

	@Test
	void agents_filter_the_queue_take_assign_and_hand_over_and_the_ticket_shows_who_holds_it() {
		String id = openTicket();
		var queue = api.get("/api/v1/ops/tickets?status=OPEN&category=OTHER", agent);
		assertThat(queue.body()).contains(id);
		assertThat(api.get("/api/v1/ops/tickets?category=PAYOUT", agent).body()).doesNotContain(id);
		assertThat(api.get("/api/v1/ops/tickets?status=BOGUS", agent).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/ops/tickets?olderThanHours=abc", agent).status()).isEqualTo(400);
		var taken = api.post("/api/v1/ops/tickets/" + id + "/assign", Map.of(), agent).json();
		assertThat(taken.get("assignee").asString()).isEqualTo("agent1");
		assertThat(taken.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(api.get("/api/v1/ops/tickets?assignee=agent1", agent).body()).contains(id);
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/hand-over", Map.of("team", "FINANCE"), agent).status())
			.as("a hand-over needs a note").isEqualTo(422);
		var handed = api.post("/api/v1/ops/tickets/" + id + "/hand-over", Map.of("team", "FINANCE", "note", "请财务核对发票"),
				agent).json();
		assertThat(handed.get("holder").asString()).isEqualTo("FINANCE");
		assertThat(api.get("/api/v1/ops/tickets?holder=FINANCE", api.token("finance1")).body()).contains(id);
		assertThat(audit.latest(100)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("TICKET_HANDED_OVER");
			assertThat(e.actor()).isEqualTo("agent1");
		});
	}

	@Test
	void the_first_answer_target_is_per_category_and_a_late_one_is_counted() {
		long before = tickets.firstAnswerBreaches();
		String id = open(owner, Map.of("category", "ACCOUNT", "subject", "登不上", "body", "密码忘了")).json().get("id")
			.asString();
		var ticket = api.get("/api/v1/ops/tickets/" + id, agent).json();
		assertThat(java.time.OffsetDateTime.parse(ticket.get("firstAnswerDue").asString()))
			.isEqualTo(java.time.OffsetDateTime.parse(ticket.get("openedAt").asString()).plusHours(1));
		clock.advance(Duration.ofMinutes(61));
		assertThat(tickets.firstAnswerBreaches()).isEqualTo(before + 1);
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/messages", Map.of("body", "请用短信验证码重置"),
				api.token("agent1")).status()).isEqualTo(200);
		assertThat(tickets.statistics().averageFirstAnswer()).as("averaged by the database over answered tickets")
			.hasValueSatisfying(average -> assertThat(average).isPositive());
		String cookie = api.webLogin("agent1");
		var page = api.send(api.builder("/ops/tickets", null).header("Cookie", cookie).GET());
		assertThat(page.body()).contains("sla-breach");
		String scraped = api.get("/actuator/prometheus", api.token("admin")).body();
		assertThat(scraped).contains("settledesk_tickets_first_answer_breaches", "settledesk_tickets{",
				"settledesk_tickets_active{");
		assertThat(scraped.lines().filter(line -> line.startsWith("settledesk_tickets")))
			.hasSize(TicketStatus.values().length + TicketCategory.values().length + 2 + 5)
			.noneMatch(line -> line.endsWith("NaN"));
	}

	@Test
	void a_resolved_ticket_without_a_reply_closes_after_the_configured_days() {
		String id = openTicket();
		api.post("/api/v1/ops/tickets/" + id + "/resolve", Map.of("note", "已处理"), agent);
		clock.advance(Duration.ofDays(6));
		tickets.closeQuietTickets();
		assertThat(api.get("/api/v1/merchant/tickets/" + id, api.token(merchant.owner())).json().get("status")
			.asString()).isEqualTo("RESOLVED");
		clock.advance(Duration.ofDays(2));
		tickets.closeQuietTickets();
		String later = api.token(merchant.owner());
		var closed = api.get("/api/v1/merchant/tickets/" + id, later).json();
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(api.post("/api/v1/merchant/tickets/" + id + "/messages", Map.of("body", "还有问题"), later).status())
			.isEqualTo(409);
	}

	@Test
	void the_merchant_view_is_masked_and_each_opening_is_audited() {
		String id = openTicket();
		var view = api.get("/api/v1/ops/tickets/" + id + "/merchant", agent);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.body()).contains(merchant.profile().merchantNo())
			.doesNotContain(merchant.currentCard(), merchant.legalId(), merchant.phone());
		assertThat(view.json().get("settlementCard").get("accountNumberMasked").asString()).contains("*");
		assertThat(audit.latest(50)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("MERCHANT_VIEW_OPENED");
			assertThat(e.actor()).isEqualTo("agent1");
			assertThat(e.targetId()).isEqualTo(merchant.profile().id().toString());
		});
	}

	@Test
	void agent_actions_are_limited_to_the_tickets_merchant_audited_and_never_resend_a_code() {
		String id = openTicket();
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/actions/card-change-link", Map.of(), agent).status())
			.isEqualTo(202);
		assertThat(api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).body()).contains("settlement-card/change");
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/actions/card-change-link", Map.of(), api.token("reviewer1"))
			.status()).as("reviewers read tickets but do not act for merchants").isEqualTo(403);
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/actions/ask-bank-again",
				Map.of("payoutId", UUID.randomUUID().toString()), agent).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/actions/ask-bank-again", Map.of("payoutId", "x"), agent)
			.status()).isEqualTo(422);

		fixtures.sendAndReadCode(owner, merchant.phone());
		var notices = api.get("/api/v1/ops/tickets/" + id + "/merchant", agent).json().get("notices");
		String codeMessage = null;
		String otherMessage = null;
		for (var n : notices) {
			String template = n.get("template").isNull() ? "" : n.get("template").asString();
			if (template.startsWith("sms.otp.")) {
				codeMessage = n.get("id").asString();
			}
			else if (otherMessage == null) {
				otherMessage = n.get("id").asString();
			}
		}
		assertThat(codeMessage).isNotNull();
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/actions/resend-notice", Map.of("messageId", codeMessage),
				agent).status()).isEqualTo(409);
		assertThat(otherMessage).isNotNull();
		assertThat(api.post("/api/v1/ops/tickets/" + id + "/actions/resend-notice", Map.of("messageId", otherMessage),
				agent).status()).isEqualTo(202);
		var other = fixtures.individual();
		String othersTicket = open(api.token(other.owner()), Map.of("category", "OTHER", "subject", "s", "body", "b"))
			.json().get("id").asString();
		assertThat(api.post("/api/v1/ops/tickets/" + othersTicket + "/actions/resend-notice",
				Map.of("messageId", otherMessage), agent).status()).as("a message of another merchant").isEqualTo(404);
		assertThat(audit.latest(100)).extracting(e -> e.action())
			.contains("AGENT_SENT_CARD_CHANGE_LINK", "AGENT_RESENT_NOTICE", "NOTICE_RESENT");
	}

	@Test
	void saved_answers_are_searchable_in_the_readers_language() {
		var zh = api.send(api.builder("/api/v1/merchant/help?q=D0", owner).header("Accept-Language", "zh-CN").GET());
		assertThat(zh.json().get(0).get("question").asString()).contains("D0");
		var en = api.send(api.builder("/api/v1/merchant/help?q=password", owner).header("Accept-Language", "en").GET());
		assertThat(en.json().get(0).get("question").asString()).contains("password");
		assertThat(api.get("/api/v1/merchant/help?q=%25%25%25", owner).json().size()).as("wildcards are text").isZero();
		assertThat(api.get("/api/v1/ops/saved-answers?category=PAYOUT", agent).json().size()).isGreaterThan(0);
	}
}
