package com.settledesk.integration.internal;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.settledesk.SettleDeskApplication;
import com.settledesk.benchmark.MoneyPathBenchmark;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.integration.WebhookEndpoints;
import com.settledesk.merchant.Merchants;

/**
 * Webhook and RabbitMQ throughput with the capture path running (bench/webhooks.sh; README "Benchmark"). Captures
 * come from {@code wrk} outside this JVM, webhooks go to receivers in JVMs of their own, and RabbitMQ's events are
 * counted in a queue bound to the exchange. Three phases of the same capture load: no webhook endpoint, endpoints
 * at a healthy receiver, endpoints at a receiver that takes 300 ms per delivery. Beside them, each outlet's anchor:
 * the receiver's own ceiling under {@code wrk}, and confirmed persistent publishes of a plain RabbitMQ client.
 */
public final class WebhookBenchmark {

	private static final String DATABASE = "settledesk_webhook_bench";
	private static final String QUEUE = "settledesk.bench";
	private static final int MERCHANTS = 32;
	private static final int CONNECTIONS = 8;
	private static final long SLOW_RECEIVER_MS = 300;

	private WebhookBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		MoneyPathBenchmark.freshDatabase(DATABASE);
		System.setProperty("server.tomcat.threads.max", "64");
		System.setProperty("settledesk.events.rabbitmq.enabled", "true");
		int fastPort = freePort();
		int slowPort = freePort();
		List<Process> receivers = List.of(receiver(fastPort, 0), receiver(slowPort, SLOW_RECEIVER_MS));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SettleDeskApplication.class).run();
				Connection rabbit = new ConnectionFactory().newConnection();
				Channel channel = rabbit.createChannel()) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			List<String[]> terminals = MoneyPathBenchmark.merchantsWithTerminals(app, MERCHANTS);
			String pairs = String.join(",", terminals.stream().map(t -> t[0] + ":" + t[1]).toList());
			String token = MoneyPathBenchmark.token(base);
			channel.exchangeDeclare(RabbitEventPublisher.EXCHANGE, "topic", true);
			channel.queueDeclare(QUEUE, false, false, true, null);
			channel.queueBind(QUEUE, RabbitEventPublisher.EXCHANGE, "#");
			Phase phase = new Phase(app, channel, base, token, pairs, seconds);
			awaitReceiver(fastPort);
			awaitReceiver(slowPort);

			System.out.printf("%nSettleDesk webhooks and RabbitMQ with capture running, PostgreSQL, %d s of load per phase, "
					+ "%d wrk connections, %d merchants, %d cores%n", seconds, CONNECTIONS, MERCHANTS,
					Runtime.getRuntime().availableProcessors());
			double receiverCeiling = wrkRate("http://127.0.0.1:" + fastPort + "/hook", seconds);
			double rabbitCeiling = plainPublishes(rabbit, seconds);
			channel.queuePurge(QUEUE);
			postReset(fastPort);
			System.out.printf("anchors: receiver alone under wrk %,.0f requests/s; plain client, persistent + confirmed "
					+ "publishes %,.0f/s%n%n", receiverCeiling, rabbitCeiling);
			System.out.printf("%-40s %10s %11s %12s %10s %10s %9s%n", "phase", "captures/s", "rabbit ev/s",
					"webhooks/s", "backlog", "in flight", "drained");
			// The JIT compiles the request path during the first seconds of load; the phases compare warm runs.
			phase.run("warm-up: capture alone", 0, List.of());
			phase.run("capture alone (no endpoints)", 0, List.of());
			List<UUID> healthy = register(app, terminals, "http://127.0.0.1:" + fastPort + "/hook");
			phase.run("+ webhooks, healthy receiver", fastPort, healthy);
			System.out.println();
			deliveryCeiling(app, fastPort, healthy);
			delete(app, terminals, healthy);
			app.getBean(JdbcClient.class).sql("DELETE FROM webhook_delivery WHERE status = 'PENDING'").update();
			rabbitCeiling(channel, base, token, terminals);
			System.out.println();
			List<UUID> slow = register(app, terminals, "http://127.0.0.1:" + slowPort + "/hook");
			phase.run("+ webhooks, receiver " + SLOW_RECEIVER_MS + " ms per delivery", slowPort, slow);
			System.out.println("""

					captures/s: captured rows per second of wrk's load. rabbit ev/s: events that reached the queue \
					bound to settledesk.events, per second from the start of load until the last arrived. webhooks/s: \
					distinct events the receiver got per second from the start of load until the last (or until the wait \
					ended). backlog: deliveries still pending when the load stopped. in flight: the most deliveries \
					queued or running on the delivery pool (its bound is workers + queue). drained: seconds after the \
					load until every event had arrived at both outlets (">" = still arriving when the wait ended).""");
		}
		finally {
			receivers.forEach(Process::destroy);
		}
	}

	/** One phase: the same capture load, then waits for both outlets to catch up. */
	private record Phase(ConfigurableApplicationContext app, Channel channel, String base, String token, String pairs,
			int seconds) {

		void run(String name, int receiverPort, List<UUID> endpoints) throws Exception {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			WebhookDispatcher dispatcher = app.getBean(WebhookDispatcher.class);
			channel.queuePurge(QUEUE);
			if (receiverPort > 0) {
				postReset(receiverPort);
			}
			long before = count(jdbc, "SELECT COUNT(*) FROM card_transaction");
			AtomicLong maxInFlight = new AtomicLong();
			ExecutorService sampler = Executors.newSingleThreadExecutor();
			sampler.submit(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					maxInFlight.accumulateAndGet(dispatcher.inFlight(), Math::max);
					Thread.sleep(50);
				}
				return null;
			});
			long start = System.currentTimeMillis();
			MoneyPathBenchmark.run("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "-s", "bench/capture.lua", base,
					"--", token, pairs, "W" + UUID.randomUUID().toString().substring(0, 8));
			long loadEnded = System.currentTimeMillis();
			long captured = count(jdbc, "SELECT COUNT(*) FROM card_transaction") - before;
			long backlog = endpoints.isEmpty() ? 0
					: count(jdbc, "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING'");
			long waitUntil = loadEnded + Math.max(60_000, seconds * 6_000L);
			long rabbitLast = 0;
			long[] webhook = { 0, 0, 0, 0 };
			while (System.currentTimeMillis() < waitUntil) {
				long queued = channel.messageCount(QUEUE);
				if (rabbitLast == 0 && queued >= captured) {
					rabbitLast = System.currentTimeMillis();
				}
				if (receiverPort > 0) {
					webhook = stats(receiverPort);
				}
				if (rabbitLast > 0 && (receiverPort == 0 || webhook[1] >= captured)) {
					break;
				}
				Thread.sleep(100);
			}
			sampler.shutdownNow();
			long end = System.currentTimeMillis();
			long lastArrival = Math.max(rabbitLast == 0 ? end : rabbitLast, receiverPort == 0 ? 0
					: webhook[1] >= captured ? webhook[3] : end);
			double rabbitRate = channel.messageCount(QUEUE) * 1000.0 / ((rabbitLast == 0 ? end : rabbitLast) - start);
			double webhookRate = receiverPort == 0 ? Double.NaN
					: webhook[1] / (double) ((webhook[1] >= captured ? webhook[3] : end) - start) * 1000.0;
			boolean drained = rabbitLast > 0 && (receiverPort == 0 || webhook[1] >= captured);
			System.out.printf("%-40s %10.0f %11.0f %12s %10d %10d %9s%n", name,
					captured / ((loadEnded - start) / 1000.0), rabbitRate,
					receiverPort == 0 ? "-" : String.format("%.0f", webhookRate), backlog, maxInFlight.get(),
					(drained ? "" : ">") + String.format("%.1f s", (lastArrival - loadEnded) / 1000.0));
			if (!endpoints.isEmpty()) {
				// the next phase starts from an empty table, so that its figures are its own
				jdbc.sql("DELETE FROM webhook_delivery WHERE status = 'PENDING'").update();
			}
		}
	}

	/** Every delivery of the healthy phase due again at once, no capture running: the dispatcher's own pace. */
	private static void deliveryCeiling(ConfigurableApplicationContext app, int port, List<UUID> endpoints)
			throws Exception {
		postReset(port);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		long start = System.currentTimeMillis();
		int queued = jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_until = NULL
				WHERE endpoint_id IN (:endpoints)""").param("now", java.time.OffsetDateTime.now())
			.param("endpoints", endpoints).update();
		long[] stats = stats(port);
		while (stats[1] < queued && System.currentTimeMillis() < start + 120_000) {
			Thread.sleep(100);
			stats = stats(port);
		}
		System.out.printf("backlog of %,d deliveries over %d endpoints, no capture running: %,.0f webhooks/s "
				+ "(%.1f s)%n", queued, endpoints.size(), stats[1] * 1000.0 / (stats[3] - start),
				(stats[3] - start) / 1000.0);
	}

	/** A burst of batch captures: how fast their events reach RabbitMQ when the capture is not the limit. */
	private static void rabbitCeiling(Channel channel, String base, String token,
			List<String[]> terminals) throws Exception {
		int batches = 20;
		channel.queuePurge(QUEUE);
		HttpClient http = HttpClient.newHttpClient();
		long start = System.currentTimeMillis();
		for (int b = 0; b < batches; b++) {
			StringBuilder items = new StringBuilder();
			for (int i = 0; i < 1000; i++) {
				String[] t = terminals.get(i % terminals.size());
				items.append(i == 0 ? "" : ",").append("{\"reference\":\"R").append(UUID.randomUUID().toString(), 0, 23)
					.append("\",\"merchantNo\":\"").append(t[0]).append("\",\"terminalSn\":\"").append(t[1])
					.append("\",\"channel\":\"QR_WECHAT\",\"cardKind\":\"NONE\",\"amountFen\":").append(100 + i)
					.append(",\"occurredAt\":\"").append(java.time.Instant.now()).append("\"}");
			}
			http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/acquiring/transactions/batch"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"transactions\":[" + items + "]}")).build(),
					HttpResponse.BodyHandlers.discarding());
		}
		long captured = System.currentTimeMillis();
		long expected = batches * 1000L;
		while (channel.messageCount(QUEUE) < expected && System.currentTimeMillis() < captured + 120_000) {
			Thread.sleep(50);
		}
		long arrived = System.currentTimeMillis();
		System.out.printf("burst of %,d batch captures: captured in %.1f s, %,d events on RabbitMQ after %.1f s: "
				+ "%,.0f events/s%n", expected, (captured - start) / 1000.0, channel.messageCount(QUEUE),
				(arrived - start) / 1000.0, channel.messageCount(QUEUE) * 1000.0 / (arrived - start));
		channel.queuePurge(QUEUE);
	}

	private static List<UUID> register(ConfigurableApplicationContext app, List<String[]> terminals, String url) {
		List<UUID> ids = new ArrayList<>();
		for (String[] t : terminals) {
			ids.add(app.getBean(WebhookEndpoints.class).register(owner(app, t[0]), url, List.of("transaction.captured"))
				.endpoint().id());
		}
		return ids;
	}

	private static void delete(ConfigurableApplicationContext app, List<String[]> terminals, List<UUID> ids) {
		for (int i = 0; i < ids.size(); i++) {
			app.getBean(WebhookEndpoints.class).delete(owner(app, terminals.get(i)[0]), ids.get(i));
		}
	}

	private static CurrentUser owner(ConfigurableApplicationContext app, String merchantNo) {
		var merchant = app.getBean(Merchants.class).findByMerchantNo(merchantNo).orElseThrow();
		return new CurrentUser(UUID.randomUUID(), "bench-owner", "bench", Role.MERCHANT_OWNER, merchant.id());
	}

	/** Confirmed persistent publishes of a plain client, as many publishers as the app has listener threads. */
	private static double plainPublishes(Connection rabbit, int seconds) throws Exception {
		byte[] body = "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"type\":\"transaction.captured\",\"data\":{}}"
			.repeat(4).getBytes(StandardCharsets.UTF_8);
		AtomicLong published = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
		for (int i = 0; i < CONNECTIONS; i++) {
			pool.submit(() -> {
				try (Channel channel = rabbit.createChannel()) {
					channel.confirmSelect();
					while (System.nanoTime() < end) {
						channel.basicPublish(RabbitEventPublisher.EXCHANGE, "transaction.captured",
								new AMQP.BasicProperties.Builder().deliveryMode(2).build(), body);
						channel.waitForConfirmsOrDie(10_000);
						published.incrementAndGet();
					}
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		return published.get() / (double) seconds;
	}

	private static double wrkRate(String url, int seconds) throws Exception {
		String output = MoneyPathBenchmark.run("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "-s",
				"bench/post.lua", url);
		Matcher matcher = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	private static Process receiver(int port, long delayMs) throws Exception {
		return new ProcessBuilder("java", "-Xmx256m", "bench/WebhookReceiver.java", String.valueOf(port),
				String.valueOf(delayMs)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
	}

	private static void awaitReceiver(int port) throws Exception {
		for (int i = 0; i < 200; i++) {
			try {
				stats(port);
				return;
			}
			catch (java.io.IOException e) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("receiver on " + port + " did not start");
	}

	private static long[] stats(int port) throws Exception {
		String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/stats")).build(), HttpResponse.BodyHandlers.ofString()).body();
		String[] parts = body.trim().split(" ");
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = Long.parseLong(parts[i]);
		}
		return values;
	}

	private static void postReset(int port) throws Exception {
		HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/reset"))
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
