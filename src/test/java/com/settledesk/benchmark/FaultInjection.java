package com.settledesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program, not a test: runs the packaged app on PostgreSQL, drives captures, batches, refunds and sweeps from
 * several threads while the simulated bank pays, fails and times out, kills the app with SIGKILL at random
 * moments, restarts it, sends again what lost its answer (same reference, same Idempotency-Key), lets the
 * payouts settle, and then checks the money invariants in SQL, printing each as held or violated with the ids.
 * See README ("Fault injection").
 *
 * Arguments: kills (20), client threads (4), port (18090).
 */
public final class FaultInjection {

	private static final String DATABASE = "settledesk_faults";
	private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
	private static final String MERCHANT = "822100058120001";
	private static final String TERMINAL = "T100000001";
	private static final String CARD = "6222024000123456788";
	private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

	private final int port;
	private final Path home;
	private final Path jar;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private final Set<String> answeredCaptures = ConcurrentHashMap.newKeySet();
	private final Set<String> unansweredCaptures = ConcurrentHashMap.newKeySet();
	private final Set<String> answeredRefunds = ConcurrentHashMap.newKeySet();
	private final Set<String> unansweredRefunds = ConcurrentHashMap.newKeySet();
	private final AtomicLong requests = new AtomicLong();
	private final AtomicLong batchItems = new AtomicLong();
	private final AtomicBoolean running = new AtomicBoolean(true);
	private final List<Long> restartMillis = new ArrayList<>();
	private volatile Process app;
	private volatile String gatewayToken;
	private int starts;

	private FaultInjection(int port, Path home, Path jar) {
		this.port = port;
		this.home = home;
		this.jar = jar;
	}

	public static void main(String[] args) throws Exception {
		int kills = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int port = args.length > 2 ? Integer.parseInt(args[2]) : 18090;
		freshDatabase();
		FaultInjection run = new FaultInjection(port, Files.createTempDirectory("settledesk-faults"),
				Path.of("target/settledesk.jar").toAbsolutePath());
		run.start();
		run.gatewayToken = run.token("gateway");
		List<Thread> load = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread client = new Thread(run::drive, "client-" + i);
			client.start();
			load.add(client);
		}
		for (int kill = 1; kill <= kills; kill++) {
			Thread.sleep(ThreadLocalRandom.current().nextLong(2_000, 6_000));
			run.app.destroyForcibly().waitFor();
			System.out.printf("kill %d/%d (SIGKILL) after %d requests%n", kill, kills, run.requests.get());
			long before = System.nanoTime();
			run.start();
			run.restartMillis.add((System.nanoTime() - before) / 1_000_000);
		}
		run.running.set(false);
		for (Thread client : load) {
			client.join();
		}
		run.resendUnanswered();
		run.post("/api/v1/dev/bank/outcomes", "{\"accountNumber\":\"" + CARD + "\",\"outcome\":\"PAID\"}", null);
		run.settle();
		run.app.destroy();
		run.app.waitFor();
		System.out.printf("%nkills=%d requests=%d batchItems=%d capturesAnswered=%d refundsAnswered=%d restarts(ms) min=%d max=%d%n",
				kills, run.requests.get(), run.batchItems.get(), run.answeredCaptures.size(), run.answeredRefunds.size(),
				run.restartMillis.stream().mapToLong(Long::longValue).min().orElse(0),
				run.restartMillis.stream().mapToLong(Long::longValue).max().orElse(0));
		boolean allHeld = run.checkInvariants();
		System.out.println(allHeld ? "ALL INVARIANTS HELD" : "SOME INVARIANT VIOLATED");
		System.exit(allHeld ? 0 : 1);
	}

	/** One client: captures, batches, refunds and bank moods, until told to stop; what lost its answer is kept. */
	private void drive() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (running.get()) {
			int action = random.nextInt(100);
			try {
				if (action < 55) {
					String reference = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
					unansweredCaptures.add(reference);
					if (capture(reference)) {
						unansweredCaptures.remove(reference);
						answeredCaptures.add(reference);
					}
				}
				else if (action < 70) {
					batch(random.nextInt(5, 30));
				}
				else if (action < 88 && !answeredCaptures.isEmpty()) {
					String reference = answeredCaptures.stream().skip(random.nextInt(answeredCaptures.size())).findFirst()
						.orElseThrow();
					if (!answeredRefunds.contains(reference) && unansweredRefunds.add(reference) && refund(reference)) {
						unansweredRefunds.remove(reference);
						answeredRefunds.add(reference);
					}
				}
				else {
					String outcome = random.nextInt(10) < 6 ? "PAID" : random.nextBoolean() ? "TIMEOUT" : "FAILED";
					post("/api/v1/dev/bank/outcomes", "{\"accountNumber\":\"" + CARD + "\",\"outcome\":\"" + outcome
							+ "\",\"reason\":\"账户状态异常\"}", null);
				}
			}
			catch (IOException | InterruptedException appDown) {
				pause(200);
			}
		}
	}

	private boolean capture(String reference) throws IOException, InterruptedException {
		requests.incrementAndGet();
		int status = post("/api/v1/acquiring/transactions", item(reference, 100 + ThreadLocalRandom.current().nextInt(500_000)),
				gatewayToken).statusCode();
		return status == 200 || status == 201;
	}

	private void batch(int size) throws IOException, InterruptedException {
		List<String> references = new ArrayList<>();
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < size; i++) {
			String reference = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
			references.add(reference);
			items.append(i == 0 ? "" : ",").append(item(reference, 100 + ThreadLocalRandom.current().nextInt(100_000)));
		}
		unansweredCaptures.addAll(references);
		requests.incrementAndGet();
		if (post("/api/v1/acquiring/transactions/batch", "{\"transactions\":[" + items + "]}", gatewayToken)
			.statusCode() == 200) {
			references.forEach(unansweredCaptures::remove);
			answeredCaptures.addAll(references);
			batchItems.addAndGet(size);
		}
	}

	private boolean refund(String reference) throws IOException, InterruptedException {
		requests.incrementAndGet();
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url("/api/v1/acquiring/transactions/" + reference + "/refund"))
			.timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + gatewayToken)
			.header("Idempotency-Key", "refund-" + reference).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		return answer.statusCode() == 200;
	}

	/** The gateway sends again, with the same reference or key, every request whose answer it never got. */
	private void resendUnanswered() throws Exception {
		gatewayToken = token("gateway");
		for (String reference : List.copyOf(unansweredCaptures)) {
			if (capture(reference)) {
				unansweredCaptures.remove(reference);
				answeredCaptures.add(reference);
			}
		}
		for (String reference : List.copyOf(unansweredRefunds)) {
			if (refund(reference)) {
				unansweredRefunds.remove(reference);
				answeredRefunds.add(reference);
			}
		}
		System.out.printf("resent: captures still unanswered=%d, refunds still unanswered=%d%n", unansweredCaptures.size(),
				unansweredRefunds.size());
	}

	/** Lets sweeps and the bank work until no payout waits for an answer (at most two minutes). */
	private void settle() throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			try (Connection db = DriverManager.getConnection(PG + DATABASE, "postgres", "postgres");
					Statement sql = db.createStatement();
					ResultSet open = sql.executeQuery("SELECT COUNT(*) FROM payout WHERE status IN ('CREATED', 'SUBMITTED', 'UNKNOWN')")) {
				open.next();
				if (open.getLong(1) == 0) {
					pause(5_000);
					return;
				}
			}
			pause(1_000);
		}
	}

	private boolean checkInvariants() throws Exception {
		try (Connection db = DriverManager.getConnection(PG + DATABASE, "postgres", "postgres")) {
			boolean held = true;
			held &= report("every answered capture exists exactly once", ids(db, "SELECT reference FROM card_transaction "
					+ "WHERE reference = ANY(?) GROUP BY reference HAVING COUNT(*) <> 1", answeredCaptures),
					missingCaptures(db));
			held &= report("every journal entry sums to zero", ids(db,
					"SELECT entry_id FROM posting GROUP BY entry_id HAVING SUM(amount_fen) <> 0"), List.of());
			held &= report("maintained balances equal the postings", ids(db, """
					SELECT b.account FROM ledger_balance b LEFT JOIN (SELECT account, SUM(amount_fen) AS total FROM posting
					GROUP BY account) p ON p.account = b.account WHERE b.balance_fen <> COALESCE(p.total, 0)"""), List.of());
			held &= report("per merchant: captured nets - refunds - payouts = balance", ids(db, """
					SELECT m.id FROM merchant m
					LEFT JOIN ledger_balance b ON b.account = 'MERCHANT_PAYABLE:' || m.id
					WHERE -COALESCE(b.balance_fen, 0) <>
					  COALESCE((SELECT SUM(net_fen) FROM card_transaction t WHERE t.merchant_id = m.id AND t.status = 'CAPTURED'), 0)
					  - COALESCE((SELECT SUM(gross_fen) FROM payout p WHERE p.merchant_id = m.id
					      AND p.status IN ('CREATED', 'SUBMITTED', 'UNKNOWN', 'PAID')), 0)
					  - COALESCE((SELECT SUM(po.amount_fen) FROM posting po JOIN journal_entry e ON e.id = po.entry_id
					      WHERE e.kind = 'CARD_CHANGE_FEE' AND po.account = 'MERCHANT_PAYABLE:' || m.id), 0)"""), List.of());
			held &= report("every payout ends PAID, FAILED or RETURNED, and is paid at most once", ids(db, """
					SELECT CAST(id AS VARCHAR) FROM payout WHERE status NOT IN ('PAID', 'FAILED', 'RETURNED')
					UNION ALL SELECT reference FROM journal_entry WHERE kind = 'PAYOUT_PAID' GROUP BY reference HAVING COUNT(*) > 1"""),
					List.of());
			held &= report("the bank's book equals the payouts marked paid (ids, amounts, references)", ids(db, """
					SELECT COALESCE(CAST(s.payout_id AS VARCHAR), CAST(p.id AS VARCHAR)) FROM
					  (SELECT payout_id, amount_fen, bank_reference FROM sim_bank_transfer WHERE status IN ('PAID', 'RETURNED')) s
					FULL JOIN (SELECT id, amount_fen, bank_reference FROM payout WHERE status IN ('PAID', 'RETURNED')) p
					  ON p.id = s.payout_id
					WHERE s.payout_id IS NULL OR p.id IS NULL OR s.amount_fen <> p.amount_fen
					  OR s.bank_reference <> p.bank_reference"""), List.of());
			Map<String, Long> figures = new TreeMap<>();
			try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
					"SELECT status, COUNT(*), SUM(amount_fen) FROM payout GROUP BY status")) {
				while (rows.next()) {
					figures.put(rows.getString(1), rows.getLong(2));
				}
			}
			System.out.println("payouts by status: " + figures);
			return held;
		}
	}

	private List<String> missingCaptures(Connection db) throws Exception {
		Set<String> found = ConcurrentHashMap.newKeySet();
		found.addAll(ids(db, "SELECT reference FROM card_transaction WHERE reference = ANY(?)", answeredCaptures));
		return answeredCaptures.stream().filter(r -> !found.contains(r)).toList();
	}

	private static boolean report(String invariant, List<String> violating, List<String> alsoViolating) {
		List<String> all = new ArrayList<>(violating);
		all.addAll(alsoViolating);
		System.out.printf("%-9s %s%s%n", all.isEmpty() ? "HELD" : "VIOLATED", invariant,
				all.isEmpty() ? "" : ": " + all.subList(0, Math.min(all.size(), 20)) + (all.size() > 20 ? " …" : ""));
		return all.isEmpty();
	}

	private static List<String> ids(Connection db, String query) throws Exception {
		try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
			List<String> ids = new ArrayList<>();
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
			return ids;
		}
	}

	private static List<String> ids(Connection db, String query, Set<String> references) throws Exception {
		try (var statement = db.prepareStatement(query)) {
			statement.setArray(1, db.createArrayOf("varchar", references.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				List<String> ids = new ArrayList<>();
				while (rows.next()) {
					ids.add(rows.getString(1));
				}
				return ids;
			}
		}
	}

	private void start() throws Exception {
		starts++;
		ProcessBuilder builder = new ProcessBuilder("java", "-Xmx768m", "-jar", jar.toString(),
				"--settledesk.bank.channel=simulator", "--settledesk.payout.d0-sweep-interval=2s",
				"--settledesk.payout.submit-interval=300ms", "--settledesk.payout.returns-interval=1s",
				"--settledesk.bank.simulated-latency=40ms", "--settledesk.bank.timeout=300ms",
				"--settledesk.bank.return-after=3s", "--settledesk.security.max-failed-logins-per-address=100000")
			.directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("app-" + starts + ".log").toFile());
		builder.environment().put("PORT", Integer.toString(port));
		builder.environment().put("SPRING_DATASOURCE_URL", PG + DATABASE + "?reWriteBatchedInserts=true");
		builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", "postgres");
		app = builder.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			try {
				if (http.send(HttpRequest.newBuilder(url("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
					.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			pause(250);
		}
		throw new IllegalStateException("the app did not come up; see " + home);
	}

	private String token(String username) throws Exception {
		String body = post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}", null).body();
		Matcher token = TOKEN.matcher(body);
		if (!token.find()) {
			throw new IllegalStateException("no token for " + username + ": " + body);
		}
		return token.group(1);
	}

	private HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String item(String reference, long amountFen) {
		return "{\"reference\":\"" + reference + "\",\"merchantNo\":\"" + MERCHANT + "\",\"terminalSn\":\"" + TERMINAL
				+ "\",\"channel\":\"QR_WECHAT\",\"cardKind\":\"NONE\",\"amountFen\":" + amountFen + ",\"occurredAt\":\""
				+ Instant.now() + "\"}";
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static void freshDatabase() throws Exception {
		try (Connection db = DriverManager.getConnection(PG + "postgres", "postgres", "postgres");
				Statement sql = db.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			sql.execute("CREATE DATABASE " + DATABASE);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
