package com.settledesk.cardchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ApiClient.Response;
import com.settledesk.testsupport.ChangeRequestDriver;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MerchantFixtures.TestMerchant;
import com.settledesk.testsupport.MutableClock;

import tools.jackson.databind.JsonNode;

/** The merchant side of a settlement card change through the public API, as api-v1.md describes it. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CardChangeIntegrationTests {

	private static final String REQUESTS = "/api/v1/merchant/settlement-card/change-requests";

	@Autowired
	ApiClient api;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerchantFixtures fixtures;
	TestMerchant merchant;
	ChangeRequestDriver driver;
	String token;
	String newCard;

	@BeforeEach
	void freshMerchant() {
		merchant = fixtures.individual();
		token = api.token(merchant.owner());
		driver = new ChangeRequestDriver(api, fixtures, merchant);
		newCard = MerchantFixtures.icbcCard();
	}

	@Test
	void the_owner_submits_a_change_which_waits_for_review_and_is_verified_in_the_background() {
		Response response = submit(body(newCard, materials()), null);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode created = response.json();
		assertThat(created.get("status").asString()).isEqualTo("PENDING_REVIEW");
		assertThat(created.get("accountNumberMasked").asString())
			.isEqualTo(newCard.substring(0, 6) + "*********" + newCard.substring(15));
		assertThat(created.get("bankName").asString()).isEqualTo("中国工商银行");
		assertThat(created.get("accountType").asString()).isEqualTo("PERSONAL");
		assertThat(created.get("history").findValuesAsString("status")).containsExactly("SUBMITTED", "PENDING_REVIEW");
		String id = created.get("id").asString();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get(REQUESTS + "/" + id, token).json().get("verificationStatus").asString()).isEqualTo("MATCH"));
		assertThat(api.get(REQUESTS, token).json().findValuesAsString("id")).containsExactly(id);
	}

	@Test
	void the_registered_phone_is_told_with_both_cards_masked_the_time_the_ip_and_a_stop_link() {
		submit(body(newCard, materials()), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> notice().isPresent());

		String text = notice().orElseThrow();
		assertThat(text).contains(merchant.currentCard().substring(0, 6) + "*********" + merchant.currentCard().substring(15))
			.contains(newCard.substring(0, 6) + "*********" + newCard.substring(15))
			.contains("127.0.0.1").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}").contains("/stop/")
			.doesNotContain(newCard).doesNotContain(merchant.currentCard());
	}

	@Test
	void the_stop_link_in_the_notice_cancels_the_change_without_a_login() {
		String id = submit(body(newCard, materials()), null).json().get("id").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> notice().isPresent());
		String code = notice().orElseThrow().replaceAll("(?s).*/stop/([0-9a-f]{20}).*", "$1");

		var page = api.send(api.builder("/stop/" + code, null).header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("stop-button").doesNotContain(newCard);
		var stopPage = api.submitAnonymousForm("/stop/" + code, "/stop/" + code, "");
		assertThat(stopPage.status()).isEqualTo(200);
		assertThat(stopPage.body()).as("a successful stop says only that it stopped").contains("已停止，这次变更不会生效")
			.doesNotContain("无法").doesNotContain("stop-button");
		var stopped = api.get(REQUESTS + "/" + id, token).json();
		assertThat(stopped.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(api.send(api.builder("/stop/" + code, null).header("Accept", "text/html").GET()).body())
			.as("the link, opened again, tells the outcome").contains("这次变更已经停止，不会生效").doesNotContain("stop-button");
		assertThat(api.send(api.builder("/stop/0123456789abcdef0123", null).header("Accept", "text/html").GET()).status())
			.isEqualTo(404);
	}

	@Test
	void each_broken_field_rule_answers_422_with_its_code() {
		String credit = "356390" + "000000000";
		credit = credit + com.settledesk.settlementaccount.BankCardNumbers.luhnCheckDigit(credit);
		String unknown = "0000000000000000".substring(0, 15);
		unknown = unknown + com.settledesk.settlementaccount.BankCardNumbers.luhnCheckDigit(unknown);
		String luhnBroken = newCard.substring(0, 18) + (char) ('0' + (newCard.charAt(18) - '0' + 1) % 10);

		assertCodes(body(luhnBroken, materials()), "accountNumber", "LUHN_CHECK_FAILED");
		assertCodes(body(credit, materials()), "accountNumber", "NOT_A_DEBIT_CARD");
		assertCodes(body(unknown, materials()), "accountNumber", "UNKNOWN_BIN");
		assertCodes(body("62220240001", materials()), "accountNumber", "INVALID_LENGTH");
		assertCodes(body(merchant.currentCard(), materials()), "accountNumber", "SAME_AS_CURRENT");
		assertCodes(with(body(newCard, materials()), "holderIdNumber", "110101199003070012"), "holderIdNumber", "INVALID_ID_NUMBER");
		assertCodes(with(body(newCard, materials()), "reservedPhone", "12345"), "reservedPhone", "INVALID_PHONE");
		assertCodes(with(body(newCard, materials()), "accountName", "别人"), "accountName", "NAME_MISMATCH");
		assertCodes(with(with(body(newCard, materials()), "holderIdNumber", MerchantFixtures.randomId()), "accountName", "王五"),
				"attachmentIds", "AUTHORIZATION_REQUIRED");
		assertCodes(body(newCard, List.of()), "attachmentIds", "ATTACHMENT_REQUIRED");
		assertCodes(with(body(newCard, materials()), "otp", "000000"), "otp", "OTP_INVALID");
		assertCodes(with(body(newCard, materials()), "accountType", "CORPORATE"), "accountType", "CORPORATE_NOT_ALLOWED");
		assertThat(api.get(REQUESTS, token).json().size()).as("nothing half-written").isZero();
	}

	@Test
	void a_cashier_may_not_ask_for_a_code_or_submit() {
		String cashier = api.token(merchant.cashier());
		assertThat(api.post("/api/v1/merchant/otp", Map.of("purpose", "SETTLEMENT_CARD_CHANGE"), cashier).status())
			.isEqualTo(403);
		Map<String, Object> body = body(newCard, materials());
		body.put("otp", "123456");
		assertThat(api.post(REQUESTS, body, cashier).status()).isEqualTo(403);
		assertThat(api.upload("/api/v1/merchant/attachments", MerchantFixtures.png(), Map.of("kind", "ID_FRONT"), cashier)
			.status()).isEqualTo(403);
	}

	@Test
	void the_same_idempotency_key_and_body_return_the_first_request_and_another_body_is_refused() {
		Map<String, Object> body = withCode(body(newCard, materials()));
		String key = "key-" + UUID.randomUUID();

		Response first = postWithKey(body, key, token);
		Response again = postWithKey(body, key, token);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
		assertThat(api.get(REQUESTS, token).json().size()).isEqualTo(1);

		Response reused = postWithKey(with(body, "accountName", merchant.legalName() + " "), key, token);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().get("errors").findValuesAsString("code")).containsExactly("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void ten_parallel_submissions_make_exactly_one_request_and_nine_conflicts() throws Exception {
		Map<String, Object> body = withCode(body(newCard, materials()));
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				calls.add(() -> api.post(REQUESTS, body, token).status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> future : pool.invokeAll(calls)) {
				statuses.add(future.get());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(api.get(REQUESTS, token).json().size()).isEqualTo(1);
	}

	@Test
	void a_second_request_while_one_is_open_is_409_and_after_cancelling_a_new_one_can_start() {
		String id = submit(body(newCard, materials()), null).json().get("id").asString();
		clock.advance(Duration.ofSeconds(61));
		Response second = submit(body(MerchantFixtures.icbcCard(), materials()), null);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("code").asString()).isEqualTo("CHANGE_REQUEST_OPEN");

		Response cancelled = api.post(REQUESTS + "/" + id + "/cancel", null, token);
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(api.post(REQUESTS + "/" + id + "/cancel", null, token).status()).isEqualTo(409);
		clock.advance(Duration.ofSeconds(61));
		assertThat(submit(body(MerchantFixtures.icbcCard(), materials()), null).status()).isEqualTo(201);
	}

	@Test
	void another_merchants_request_and_attachment_do_not_exist_for_you() {
		String id = submit(body(newCard, materials()), null).json().get("id").asString();
		String attachment = materials().get(0);
		String stranger = api.token("13900000001");
		assertThat(api.get(REQUESTS + "/" + id, stranger).status()).isEqualTo(404);
		assertThat(api.post(REQUESTS + "/" + id + "/cancel", null, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/merchant/attachments/" + attachment, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/merchant/attachments/" + attachment, token).status()).isEqualTo(200);
		long downloads = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTACHMENT_DOWNLOADED' AND target_id = :id")
			.param("id", attachment).query(Long.class).single();
		assertThat(api.get("/api/v1/ops/attachments/" + attachment, api.token("reviewer1")).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTACHMENT_DOWNLOADED' AND target_id = :id "
				+ "AND actor = 'reviewer1'").param("id", attachment).query(Long.class).single()).as("every download is audited")
			.isEqualTo(downloads + 1);
	}

	@Test
	void uploads_are_judged_by_content_and_size() {
		Response html = api.upload("/api/v1/merchant/attachments", "<html>not an image</html>".getBytes(),
				Map.of("kind", "ID_FRONT"), token);
		assertThat(html.status()).isEqualTo(422);
		assertThat(html.json().get("errors").get(0).get("code").asString()).isEqualTo("UNSUPPORTED_FILE_TYPE");

		byte[] big = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(MerchantFixtures.png(), 0, big, 0, MerchantFixtures.png().length);
		Response tooLarge = api.upload("/api/v1/merchant/attachments", big, Map.of("kind", "ID_FRONT"), token);
		assertThat(tooLarge.status()).isEqualTo(422);
		assertThat(tooLarge.json().get("errors").get(0).get("code").asString()).isEqualTo("FILE_TOO_LARGE");

		Response ok = api.upload("/api/v1/merchant/attachments", MerchantFixtures.png(), Map.of("kind", "CARD_FRONT"), token);
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.json().get("contentType").asString()).isEqualTo("image/png");
		assertThat(ok.json().get("kind").asString()).isEqualTo("CARD_FRONT");
	}

	@Test
	void an_upload_must_really_be_the_image_or_pdf_it_looks_like() throws Exception {
		Response threeBytes = api.upload("/api/v1/merchant/attachments", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF },
				Map.of("kind", "ID_FRONT"), token);
		assertThat(threeBytes.status()).isEqualTo(422);
		assertThat(threeBytes.json().get("errors").get(0).get("code").asString()).isEqualTo("UNREADABLE_FILE");

		Response bomb = api.upload("/api/v1/merchant/attachments", pngDeclaring(100_000, 100_000), Map.of("kind", "ID_FRONT"),
				token);
		assertThat(bomb.status()).isEqualTo(422);
		assertThat(bomb.json().get("errors").get(0).get("code").asString()).isEqualTo("IMAGE_TOO_LARGE");

		Response notAPdf = api.upload("/api/v1/merchant/attachments", "%PDF-1.7\nnot really".getBytes(),
				Map.of("kind", "AUTHORIZATION"), token);
		assertThat(notAPdf.status()).isEqualTo(422);
		assertThat(notAPdf.json().get("errors").get(0).get("code").asString()).isEqualTo("UNREADABLE_FILE");

		java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
		try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
			document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			document.save(pdf);
		}
		assertThat(api.upload("/api/v1/merchant/attachments", pdf.toByteArray(), Map.of("kind", "AUTHORIZATION"), token)
			.status()).isEqualTo(201);
	}

	@Test
	void a_body_over_the_containers_limit_is_413_and_a_broken_one_400_both_as_problem_json() {
		Response huge = api.upload("/api/v1/merchant/attachments", new byte[10 * 1024 * 1024], Map.of("kind", "ID_FRONT"),
				token);
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.contentType()).startsWith("application/problem+json");
		assertThat(huge.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");

		Response broken = api.send(api.builder("/api/v1/merchant/attachments", token)
			.header("Content-Type", "multipart/form-data; boundary=XYZ")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
					"--XYZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nID_FRONT\r\n--XYZ\r\ncut off")));
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.contentType()).startsWith("application/problem+json");

		Response nul = api.send(api.builder("/api/v1/merchant/attachments", token)
			.header("Content-Type", "multipart/form-data; boundary=XYZ")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; "
					+ "filename=\"a\u0000b.png\"\r\nContent-Type: image/png\r\n\r\nxyz\r\n--XYZ--\r\n")));
		assertThat(nul.status()).isIn(400, 422);
		assertThat(nul.contentType()).startsWith("application/problem+json");
	}

	/** A PNG whose header declares the given size: a decompression bomb needs no more to be refused. */
	private static byte[] pngDeclaring(int width, int height) {
		java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
			.put((byte) 0);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(ihdr.array());
		java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }).putInt(13).put(ihdr.array())
			.putInt((int) crc.getValue());
		png.putInt(0).put("IEND".getBytes()).putInt(0xAE426082);
		return png.array();
	}

	@Test
	void a_code_can_be_asked_for_once_a_minute_is_single_use_and_dies_after_five_wrong_tries() {
		assertThat(api.post("/api/v1/merchant/otp", Map.of("purpose", "SETTLEMENT_CARD_CHANGE"), token).status()).isEqualTo(202);
		Response tooSoon = api.post("/api/v1/merchant/otp", Map.of("purpose", "SETTLEMENT_CARD_CHANGE"), token);
		assertThat(tooSoon.status()).isEqualTo(429);
		assertThat(tooSoon.header("Retry-After")).isNotBlank();
		String code = fixtures.latestCode(merchant.phone());

		for (int i = 0; i < 5; i++) {
			assertCodes(with(body(newCard, materials()), "otp", wrong(code)), "otp", "OTP_INVALID");
		}
		assertCodes(with(body(newCard, materials()), "otp", code), "otp", "OTP_INVALID");

		clock.advance(Duration.ofSeconds(61));
		String fresh = fixtures.sendAndReadCode(token, merchant.phone());
		clock.advance(Duration.ofMinutes(5));
		assertCodes(with(body(newCard, materials()), "otp", fresh), "otp", "OTP_INVALID");
	}

	@Test
	void a_verification_timeout_keeps_the_request_and_the_check_is_retried_until_answered() {
		api.post("/api/v1/dev/verification/outcomes", Map.of("accountNumber", newCard, "outcome", "TIMEOUT"), null);
		String id = submit(body(newCard, materials()), null).json().get("id").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(id) >= 1);
		assertThat(api.get(REQUESTS + "/" + id, token).json().get("verificationStatus").asString()).isEqualTo("PENDING");

		assertThat(api.post("/api/v1/dev/verification/outcomes", Map.of("accountNumber", newCard, "outcome", "MISMATCH"),
				null).status()).isEqualTo(204);
		clock.advance(Duration.ofMinutes(2));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get(REQUESTS + "/" + id, token).json().get("verificationStatus").asString()).isEqualTo("MISMATCH"));
	}

	@Test
	void after_a_request_for_information_the_merchant_resubmits_with_more_materials() {
		String id = submit(body(newCard, materials()), null).json().get("id").asString();
		assertThat(api.post(REQUESTS + "/" + id + "/resubmit", Map.of(), token).status()).isEqualTo(409);
		CardChangeReviewIntegrationTests.JsonWait.assessed(api, "/api/v1/ops/settlement-card/change-requests", id);
		api.post("/api/v1/ops/settlement-card/change-requests/" + id + "/request-info",
				Map.of("message", "银行卡照片不清晰，请重新拍摄"), api.token("reviewer1"));
		JsonNode waiting = api.get(REQUESTS + "/" + id, token).json();
		assertThat(waiting.get("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(waiting.get("infoRequest").asString()).isEqualTo("银行卡照片不清晰，请重新拍摄");

		String clearerPhoto = upload("CARD_FRONT", token);
		Response resubmitted = api.post(REQUESTS + "/" + id + "/resubmit", Map.of("attachmentIds", List.of(clearerPhoto)), token);
		assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
		assertThat(resubmitted.json().get("status").asString()).isEqualTo("PENDING_REVIEW");
		assertThat(resubmitted.json().get("attachmentIds").size()).isEqualTo(4);
		assertThat(resubmitted.json().get("history").findValuesAsString("status"))
			.containsExactly("SUBMITTED", "PENDING_REVIEW", "NEEDS_INFO", "PENDING_REVIEW");
	}

	@Test
	void no_full_card_or_id_number_in_any_response_log_line_or_audit_entry_of_a_whole_submission(CapturedOutput output) {
		String holderId = merchant.legalId();
		List<String> bodies = new ArrayList<>();
		bodies.add(api.post("/api/v1/card-bins/lookup", Map.of("cardNumber", newCard), token).body());
		Response created = submit(body(newCard, materials()), null);
		bodies.add(created.body());
		String id = created.json().get("id").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> !api.get(REQUESTS + "/" + id, token).json()
			.get("verificationStatus").asString().equals("PENDING"));
		bodies.add(api.get(REQUESTS + "/" + id, token).body());
		bodies.add(api.get(REQUESTS, token).body());
		bodies.add(api.get("/api/v1/merchant/settlement-account", token).body());
		bodies.add(api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).body());
		bodies.add(api.post(REQUESTS + "/" + id + "/cancel", null, token).body());

		String audit = String.join("\n", jdbc.sql("SELECT COALESCE(before_state, '') || COALESCE(after_state, '') || actor || COALESCE(target_id, '') FROM audit_entry")
			.query(String.class).list());
		for (String secret : List.of(newCard, holderId, merchant.currentCard())) {
			assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain(secret));
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(audit).doesNotContain(secret);
		}
	}

	private java.util.Optional<String> notice() {
		for (JsonNode message : api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).json()) {
			if (message.get("text").asString().contains("/stop/")) {
				return java.util.Optional.of(message.get("text").asString());
			}
		}
		return java.util.Optional.empty();
	}

	private long attempts(String id) {
		return jdbc.sql("SELECT verification_attempts FROM card_change_request WHERE id = :id").param("id", UUID.fromString(id))
			.query(Long.class).single();
	}

	private Response submit(Map<String, Object> body, String idempotencyKey) {
		Map<String, Object> withCode = body.containsKey("otp") ? body : withCode(body);
		return idempotencyKey == null ? driver.submit(withCode) : postWithKey(withCode, idempotencyKey, token);
	}

	private Response postWithKey(Map<String, Object> body, String key, String bearer) {
		return driver.postWithKey(body, key);
	}

	private Map<String, Object> withCode(Map<String, Object> body) {
		return driver.withCode(body);
	}

	private void assertCodes(Map<String, Object> body, String field, String code) {
		Map<String, Object> complete = new HashMap<>(body);
		complete.putIfAbsent("otp", "999999");
		Response response = api.post(REQUESTS, complete, token);
		assertThat(response.status()).as("%s: %s", code, response.body()).isEqualTo(422);
		boolean found = false;
		for (JsonNode error : response.json().get("errors")) {
			found |= error.get("field").asString().equals(field) && error.get("code").asString().equals(code);
		}
		assertThat(found).as("%s on %s in %s", code, field, response.body()).isTrue();
	}

	private Map<String, Object> body(String card, List<String> attachmentIds) {
		return driver.body(card, attachmentIds);
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(field, value);
		return copy;
	}

	private List<String> materials() {
		return driver.materials();
	}

	private String upload(String kind, String bearer) {
		return driver.upload(kind);
	}

	private static String wrong(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

}
