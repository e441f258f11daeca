package com.settledesk.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running app over real HTTP, as integrators and outside checks do. */
@TestComponent
public class ApiClient {

	public static final String DEMO_PASSWORD = "Demo@2026";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Environment environment;
	private final Clock clock;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

	public ApiClient(Environment environment, Clock clock) {
		this.environment = environment;
		this.clock = clock;
	}

	private record IssuedToken(String value, Instant issuedAt) {
	}

	public String baseUrl() {
		return "http://localhost:" + environment.getProperty("local.server.port");
	}

	/** A bearer token for a demo user, reused while the (test) clock says it is fresh. */
	public String token(String username) {
		IssuedToken cached = tokens.get(username);
		if (cached != null && clock.instant().isBefore(cached.issuedAt().plus(Duration.ofMinutes(5)))) {
			return cached.value();
		}
		Response response = post("/api/v1/auth/token", Map.of("username", username, "password", DEMO_PASSWORD), null);
		if (response.status() != 200) {
			throw new IllegalStateException("Login of " + username + " failed: " + response.body());
		}
		String token = response.json().get("accessToken").asString();
		tokens.put(username, new IssuedToken(token, clock.instant()));
		return token;
	}

	public Response get(String path, String token) {
		return send(builder(path, token).GET());
	}

	public Response post(String path, Object body, String token) {
		return postRaw(path, body == null ? "" : JSON.writeValueAsString(body), token);
	}

	public Response postRaw(String path, String body, String token) {
		return send(builder(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** multipart/form-data with one file part and plain fields. */
	public Response upload(String path, byte[] file, Map<String, String> fields, String token) {
		String boundary = "----settledesk" + System.nanoTime();
		var out = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(file);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(builder(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
	}

	public Response method(String method, String path, String token) {
		return send(builder(path, token).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	/** A GET whose body is a file (PDF, CSV with a byte-order mark): its bytes as sent; fails unless 200. */
	public byte[] download(String path, String token) {
		try {
			HttpResponse<byte[]> response = http.send(builder(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8));
			}
			return response.body();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().map(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Signs a demo user in through the web form, as a browser would; answers the session cookie to send. */
	public String webLogin(String username) {
		Response form = send(builder("/login", null).header("Accept", "text/html").GET());
		String cookie = sessionCookie(form);
		String body = "username=" + username + "&password=" + DEMO_PASSWORD + "&_csrf=" + csrfToken(form, "/login");
		Response login = send(builder("/login", null).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
		if (login.status() != 302 || login.header("Location").contains("error")) {
			throw new IllegalStateException("Web login of " + username + " failed");
		}
		String renewed = sessionCookie(login);
		return renewed == null ? cookie : renewed;
	}

	/** Opens a page without a login and submits a form to {@code action} with its CSRF token, as a browser would. */
	public Response submitAnonymousForm(String page, String action, String fields) {
		Response form = send(builder(page, null).header("Accept", "text/html").GET());
		String body = (fields.isEmpty() ? "" : fields + "&") + "_csrf=" + csrfToken(form, page);
		return send(builder(action, null).header("Cookie", sessionCookie(form)).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The CSRF token a page carries in its head, as the browser's scripts read it. */
	private static String csrfToken(Response page, String path) {
		var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"").matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + path);
		}
		return csrf.group(1);
	}

	private static String sessionCookie(Response response) {
		return response.headers().entrySet().stream()
			.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(e -> e.getValue().stream())
			.filter(c -> c.startsWith("JSESSIONID="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	public HttpRequest.Builder builder(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	public record Response(int status, String contentType, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet().stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}
	}
}
