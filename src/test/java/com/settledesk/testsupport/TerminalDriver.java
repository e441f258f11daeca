package com.settledesk.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import com.settledesk.terminal.TerminalStock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives terminals through the API as merchants and operators would: apply, approve, ship, activate. */
public class TerminalDriver {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApiClient api;
	private final TerminalStock stock;
	private final MerchantFixtures fixtures;

	public TerminalDriver(ApiClient api, TerminalStock stock, MerchantFixtures fixtures) {
		this.api = api;
		this.stock = stock;
		this.fixtures = fixtures;
	}

	/** New serial numbers of the model taken into stock. */
	public List<String> stock(String modelCode, int count) {
		List<String> serials = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			serials.add("TS" + MerchantFixtures.digits(12));
		}
		stock.receive(modelCode, serials, "test");
		return serials;
	}

	public ApiClient.Response apply(String ownerToken, String modelCode, int quantity, String idempotencyKey) {
		Map<String, Object> body = new HashMap<>();
		body.put("modelCode", modelCode);
		body.put("quantity", quantity);
		body.put("deliveryAddress", "北京市朝阳区建国路 88 号");
		body.put("contactName", "张三");
		body.put("contactPhone", "13800000009");
		var request = api.builder("/api/v1/merchant/terminal-applications", ownerToken)
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON
				.writeValueAsString(body)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return api.send(request);
	}

	/** An application of the owner's merchant, approved by reviewer1; answers its id. */
	public String approved(String ownerToken, String modelCode, int quantity) {
		var applied = apply(ownerToken, modelCode, quantity, null);
		require(applied, 201);
		String id = applied.json().get("id").asString();
		require(api.post("/api/v1/ops/terminal-applications/" + id + "/approve", Map.of(), api.token("reviewer1")), 200);
		return id;
	}

	public ApiClient.Response ship(String applicationId, List<String> serials) {
		return api.post("/api/v1/ops/terminal-applications/" + applicationId + "/ship",
				Map.of("carrier", "SF", "trackingNo", "SF" + MerchantFixtures.digits(12), "serialNumbers", serials),
				api.token("terminalops1"));
	}

	/** One terminal shipped to the merchant of the owner; answers its serial number. */
	public String shipped(String ownerToken, String modelCode) {
		String id = approved(ownerToken, modelCode, 1);
		String serial = stock(modelCode, 1).get(0);
		require(ship(id, List.of(serial)), 200);
		return serial;
	}

	public String activationCode(String ownerToken, String serial) {
		return api.get("/api/v1/merchant/terminals/" + serial, ownerToken).json().get("activationCode").asString();
	}

	/** A terminal shipped and activated; answers the activation answer. */
	public JsonNode active(String ownerToken, String modelCode) {
		String serial = shipped(ownerToken, modelCode);
		var activated = activate(serial, activationCode(ownerToken, serial));
		require(activated, 200);
		return activated.json();
	}

	public ApiClient.Response activate(String serial, String code) {
		return api.post("/api/v1/terminals/activation", Map.of("serialNumber", serial, "activationCode", code), null);
	}

	public String reportLostCode(String ownerToken, String phone) {
		require(api.post("/api/v1/merchant/otp", Map.of("purpose", "TERMINAL_REPORT_LOST"), ownerToken), 202);
		return fixtures.latestCode(phone);
	}

	private static void require(ApiClient.Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("Expected " + status + ": " + response.status() + " " + response.body());
		}
	}
}
