package com.settledesk.testsupport;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.settledesk.testsupport.ApiClient.Response;
import com.settledesk.testsupport.MerchantFixtures.TestMerchant;

import tools.jackson.databind.json.JsonMapper;

/** Drives a test merchant's settlement card change through the merchant API. */
public class ChangeRequestDriver {

	public static final String REQUESTS = "/api/v1/merchant/settlement-card/change-requests";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApiClient api;
	private final MerchantFixtures fixtures;
	private final TestMerchant merchant;

	public ChangeRequestDriver(ApiClient api, MerchantFixtures fixtures, TestMerchant merchant) {
		this.api = api;
		this.fixtures = fixtures;
		this.merchant = merchant;
	}

	public String token() {
		return api.token(merchant.owner());
	}

	/** A complete personal change to a card of the legal representative, without the code. */
	public Map<String, Object> body(String card, List<String> attachmentIds) {
		Map<String, Object> body = new HashMap<>();
		body.put("accountType", "PERSONAL");
		body.put("accountNumber", card);
		body.put("accountName", merchant.legalName());
		body.put("holderIdNumber", merchant.legalId());
		body.put("reservedPhone", merchant.phone());
		body.put("attachmentIds", attachmentIds);
		return body;
	}

	public Map<String, Object> withCode(Map<String, Object> body) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put("otp", fixtures.sendAndReadCode(token(), merchant.phone()));
		return copy;
	}

	public Response submit(Map<String, Object> body) {
		return api.post(REQUESTS, body.containsKey("otp") ? body : withCode(body), token());
	}

	/** Submits a change to the card and answers the new request's id. */
	public String submitChange(String card) {
		Response response = submit(body(card, materials()));
		if (response.status() != 201) {
			throw new IllegalStateException("Submission failed: " + response.body());
		}
		return response.json().get("id").asString();
	}

	public Response postWithKey(Map<String, Object> body, String key) {
		return api.send(api.builder(REQUESTS, token()).header("Content-Type", "application/json")
			.header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public List<String> materials() {
		return List.of(upload("ID_FRONT"), upload("ID_BACK"), upload("CARD_FRONT"));
	}

	public String upload(String kind) {
		Response response = api.upload("/api/v1/merchant/attachments", MerchantFixtures.png(), Map.of("kind", kind), token());
		if (response.status() != 201) {
			throw new IllegalStateException("Upload failed: " + response.body());
		}
		return response.json().get("id").asString();
	}

	public Response get(String id) {
		return api.get(REQUESTS + "/" + id, token());
	}

	public String status(String id) {
		return get(id).json().get("status").asString();
	}
}
