import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for bench/webhooks.sh, run in a JVM of its own ({@code java bench/WebhookReceiver.java port
 * delayMs}): answers every POST with 204 after the given delay, counts deliveries and distinct event ids, and
 * tells them on {@code GET /stats} ("received distinct firstEpochMs lastEpochMs"); {@code POST /reset} starts over.
 */
public class WebhookReceiver {

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 0;
		Set<String> events = ConcurrentHashMap.newKeySet();
		AtomicLong received = new AtomicLong();
		AtomicLong first = new AtomicLong();
		AtomicLong last = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
		server.setExecutor(Executors.newFixedThreadPool(64));
		server.createContext("/hook", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				body.readAllBytes();
			}
			if (delayMs > 0) {
				try {
					Thread.sleep(delayMs);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			long now = System.currentTimeMillis();
			first.compareAndSet(0, now);
			last.set(now);
			received.incrementAndGet();
			String id = exchange.getRequestHeaders().getFirst("SettleDesk-Event-Id");
			if (id != null) {
				events.add(id);
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.createContext("/stats", exchange -> answer(exchange,
				received.get() + " " + events.size() + " " + first.get() + " " + last.get()));
		server.createContext("/reset", exchange -> {
			received.set(0);
			events.clear();
			first.set(0);
			last.set(0);
			answer(exchange, "ok");
		});
		server.start();
		System.out.println("receiver on " + port + ", " + delayMs + " ms per delivery");
	}

	private static void answer(HttpExchange exchange, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}
