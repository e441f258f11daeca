package com.settledesk.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

import com.settledesk.SettleDeskApplication;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.MerchantRegistration;
import com.settledesk.merchant.Merchants;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.payout.Payouts;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.NewSettlementAccount;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.MerchantFixtures;

/**
 * A program, not a test: capture throughput over HTTP (single and batch, 8 and 32 clients) beside pgbench's
 * TPC-B on the same PostgreSQL at the same client counts, and the D0 sweep of generated transactions beside a
 * plain SQL GROUP BY of the same rows. Prints figures; asserts nothing. See README ("Benchmark").
 *
 * Arguments: seconds per run (10; 0 runs the sweep alone), merchants for the sweep (100000), transactions for the sweep
 * (1000000).
 */
public final class MoneyPathBenchmark {

	private static final String DATABASE = "settledesk_bench";
	public static final String PGBENCH_DATABASE = "settledesk_pgbench";
	private static final int[] CLIENTS = { 8, 32 };
	private static final int WARM_UP_ROUND_SECONDS = 5;

	private MoneyPathBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		int sweepMerchants = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int sweepTransactions = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
		freshDatabase(DATABASE);
		System.setProperty("server.tomcat.threads.max", "64");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SettleDeskApplication.class).run()) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			List<String[]> terminals = merchantsWithTerminals(app, 32);
			String token = token(base);
			if (seconds == 0) {
				sweep(app, sweepMerchants, sweepTransactions);
				return;
			}
			System.out.printf("%nSettleDesk money-path benchmark on PostgreSQL, %d s per run, %d cores%n", seconds,
					Runtime.getRuntime().availableProcessors());
			psql("postgres", "DROP DATABASE IF EXISTS " + PGBENCH_DATABASE);
			psql("postgres", "CREATE DATABASE " + PGBENCH_DATABASE);
			run("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-i", "-q", "-s", "10", PGBENCH_DATABASE);
			// Batches of 100 in the warm-up: it runs the same code as batches of 1000 and leaves a tenth of the rows.
			warmUp(roundSeconds -> captures(base, token, terminals, 8, roundSeconds, 1)
					+ captures(base, token, terminals, 8, roundSeconds, 100));
			System.out.printf("%-34s %12s %12s %8s%n", "capture", "tx/s", "pgbench tps", "ratio");
			for (int clients : CLIENTS) {
				statisticsAsAutovacuumKeepsThem(app.getBean(JdbcClient.class));
				double pgbench = pgbench(clients, seconds);
				double single = capturesWithWrk(base, token, terminals, clients, seconds);
				double batch = captures(base, token, terminals, clients, seconds, 1000);
				System.out.printf("%-34s %12.0f %12.0f %8.2f%n", "single, " + clients + " clients (wrk)", single, pgbench,
						single / pgbench);
				System.out.printf("%-34s %12.0f %12.0f %8.2f%n", "batch of 1000, " + clients + " clients", batch, pgbench,
						batch / pgbench);
			}
			sweep(app, sweepMerchants, sweepTransactions);
		}
	}

	/** A round of load for the warm-up: runs it for the given seconds and answers its rate. */
	@FunctionalInterface
	public interface LoadRound {

		double run(int seconds) throws Exception;
	}

	/**
	 * Runs rounds of load until the JIT is quiet, so that what follows measures the steady state: with two cores
	 * the JVM has one C2 compiler thread, and it was seen still compiling the request path a minute into the load
	 * (0.8 of a core beside 0.6 for the terminal host's own work). Quiet: under 2 % of a core compiling in a round;
	 * three minutes at most. Prints each round.
	 */
	public static void warmUp(LoadRound round) throws Exception {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long start = System.nanoTime();
		long compiling;
		long roundMillis;
		do {
			long before = jit.getTotalCompilationTime();
			long roundStart = System.nanoTime();
			double rate = round.run(WARM_UP_ROUND_SECONDS);
			roundMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStart);
			compiling = jit.getTotalCompilationTime() - before;
			System.out.printf("  warm-up: %.0f/s, JIT compiling %d ms in %.1f s%n", rate, compiling, roundMillis / 1e3);
		}
		while (compiling > roundMillis / 50 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3));
		System.out.printf("warmed up %.0f s%n", (System.nanoTime() - start) / 1e9);
	}

	/**
	 * Gathers fresh statistics when the server's autovacuum is off (as on the machines this was first measured on),
	 * doing what autovacuum does within a minute of a table's growth. Without it, a plan PostgreSQL cached for a
	 * connection while a table was still empty stays in use as the table grows to hundreds of thousands of rows:
	 * the terminal host was seen falling to a seventh of its rate, its group check scanning every stored message.
	 */
	public static void statisticsAsAutovacuumKeepsThem(JdbcClient jdbc) {
		if ("off".equals(jdbc.sql("SHOW autovacuum").query(String.class).single())) {
			jdbc.sql("ANALYZE").update();
			System.out.println("  (autovacuum is off on this server: ANALYZE before the run, as autovacuum would)");
		}
	}

	/**
	 * Creates the database anew and points the app at it, with anchor and bank folders of its own and its scheduled money
	 * jobs stopped. System properties, not builder defaults: they must win over application.properties, or the
	 * scheduled sweep and payout jobs would run beside the measured ones.
	 */
	public static void freshDatabase(String database) throws Exception {
		psql("postgres", "DROP DATABASE IF EXISTS " + database);
		psql("postgres", "CREATE DATABASE " + database);
		System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + database + "?reWriteBatchedInserts=true");
		System.setProperty("spring.datasource.username", "postgres");
		System.setProperty("spring.datasource.password", System.getenv().getOrDefault("PGPASSWORD", ""));
		System.setProperty("spring.datasource.hikari.maximum-pool-size", "40");
		System.setProperty("PORT", "0");
		System.setProperty("logging.level.root", "WARN");
		System.setProperty("logging.file.name", "");
		System.setProperty("settledesk.payout.d0-sweep-interval", "24h");
		System.setProperty("settledesk.payout.submit-interval", "24h");
		System.setProperty("settledesk.verification.retry-interval", "24h");
		// A new database has a new audit chain: anchors of another database's chain would rightly disagree with it.
		System.setProperty("settledesk.audit.anchor-directory",
				java.nio.file.Files.createTempDirectory("settledesk-anchors-" + database).toString());
		// A new database has no payouts: the simulated bank must not read the files of earlier runs beside the load.
		System.setProperty("settledesk.bank.folder",
				java.nio.file.Files.createTempDirectory("settledesk-bank-" + database).resolve("bank").toString());
	}

	private static double captures(String base, String token, List<String[]> terminals, int clients, int seconds,
			int batchSize) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		AtomicLong captured = new AtomicLong();
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					StringBuilder items = new StringBuilder();
					for (int i = 0; i < batchSize; i++) {
						String[] t = terminals.get((client + i) % terminals.size());
						items.append(i == 0 ? "" : ",").append("{\"reference\":\"B").append(UUID.randomUUID().toString(), 0, 23)
							.append("\",\"merchantNo\":\"").append(t[0]).append("\",\"terminalSn\":\"").append(t[1])
							.append("\",\"channel\":\"QR_WECHAT\",\"cardKind\":\"NONE\",\"amountFen\":").append(100 + i)
							.append(",\"occurredAt\":\"").append(java.time.Instant.now()).append("\"}");
					}
					String path = batchSize == 1 ? "/api/v1/acquiring/transactions" : "/api/v1/acquiring/transactions/batch";
					String body = batchSize == 1 ? items.toString() : "{\"transactions\":[" + items + "]}";
					try {
						var response = http.send(HttpRequest.newBuilder(URI.create(base + path))
							.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() < 300) {
							captured.addAndGet(batchSize);
						}
					}
					catch (Exception e) {
						return;
					}
				}
			});
		}
		pool.shutdown();
		// Requests still running at the deadline are waited for and counted over the real elapsed time.
		pool.awaitTermination(30, TimeUnit.MINUTES);
		return captured.get() / ((System.nanoTime() - start) / 1e9);
	}

	/**
	 * Single captures from {@code wrk} (outside the app's JVM, so client and server share no heap or JIT): one
	 * connection per client, each request a new reference for one of the merchants' terminals in turn. Answers the
	 * rate of successful captures. The in-JVM client measured a third less in the same run (1,094 beside wrk's 1,634
	 * at 8 clients, 1,519 beside 1,864 at 32): it took that share of the two cores, so it now only warms up and sends
	 * the batches, where the database is the limit.
	 */
	private static double capturesWithWrk(String base, String token, List<String[]> terminals, int clients, int seconds)
			throws Exception {
		StringBuilder pairs = new StringBuilder();
		for (String[] t : terminals) {
			pairs.append("{\"").append(t[0]).append("\",\"").append(t[1]).append("\"},");
		}
		Path script = Files.createTempFile("capture", ".lua");
		Files.writeString(script, """
				local terminals = {%s}
				local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s"}
				local threads = 0
				local counter = 0
				local prefix
				function setup(thread)
				  threads = threads + 1
				  thread:set("thread", threads)
				end
				function init(args)
				  prefix = "W" .. args[1] .. "-" .. thread .. "-"
				end
				function request()
				  counter = counter + 1
				  local t = terminals[counter %% #terminals + 1]
				  return wrk.format("POST", nil, headers, '{"reference":"' .. prefix .. counter .. '","merchantNo":"' .. t[1]
				    .. '","terminalSn":"' .. t[2] .. '","channel":"QR_WECHAT","cardKind":"NONE","amountFen":1234,'
				    .. '"occurredAt":"' .. os.date("!%%Y-%%m-%%dT%%H:%%M:%%SZ") .. '"}')
				end
				""".formatted(pairs, token));
		try {
			String output = run("wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "-s", script.toString(),
					base + "/api/v1/acquiring/transactions", "--", Long.toString(System.nanoTime() % 1_000_000_000L));
			Matcher total = Pattern.compile("(\\d+) requests in ([0-9.]+)s").matcher(output);
			Matcher failed = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
			if (!total.find()) {
				throw new IllegalStateException("wrk printed no total: " + output);
			}
			long ok = Long.parseLong(total.group(1)) - (failed.find() ? Long.parseLong(failed.group(1)) : 0);
			return ok / Double.parseDouble(total.group(2));
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	/** Generates merchants and captured transactions with their ledger postings in SQL, then times the sweep. */
	private static void sweep(ConfigurableApplicationContext app, int merchants, int transactions) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		SensitiveDataProtector protector = app.getBean(SensitiveDataProtector.class);
		String idCipher = protector.encrypt("110101199003070011").toStorage();
		String idFingerprint = protector.fingerprint("110101199003070011");
		String card = MerchantFixtures.icbcCard();
		long setup = System.nanoTime();
		jdbc.sql("""
				INSERT INTO merchant (id, merchant_no, kind, name, legal_name, legal_id_cipher, legal_id_fingerprint,
				    contact_phone, mcc, status, settlement_mode, fee_plan, language, created_at, version)
				SELECT md5('m' || g)::uuid, '829' || lpad(g::text, 12, '0'), 'INDIVIDUAL', '压测商户' || g, '压测', :cipher, :fp,
				    '13700000000', '5411', 'ACTIVE', 'D0', 'STANDARD', 'zh-CN', now(), 0
				FROM generate_series(1, :n) g""").param("cipher", idCipher).param("fp", idFingerprint).param("n", merchants)
			.update();
		jdbc.sql("""
				INSERT INTO settlement_account (id, merchant_id, account_type, account_name, account_number_cipher,
				    account_number_fingerprint, account_number_masked, bank_code, bank_name, status, active_merchant_id, bound_at)
				SELECT md5('a' || g)::uuid, md5('m' || g)::uuid, 'PERSONAL', '压测', :cipher, :fp, :masked, 'ICBC', '中国工商银行',
				    'ACTIVE', md5('m' || g)::uuid, now()
				FROM generate_series(1, :n) g""").param("cipher", protector.encrypt(card).toStorage())
			.param("fp", protector.fingerprint(card)).param("masked", com.settledesk.shared.Masking.maskAccountNumber(card))
			.param("n", merchants).update();
		jdbc.sql("""
				INSERT INTO card_transaction (id, reference, merchant_id, terminal_sn, channel, card_kind, amount_fen, fee_fen,
				    net_fen, occurred_at, captured_at, business_date, status)
				SELECT md5('t' || g)::uuid, 'S' || g, md5('m' || (1 + g % :m))::uuid, 'BENCH', 'QR_WECHAT', 'NONE', 10000, 38,
				    9962, now(), now(), current_date, 'CAPTURED'
				FROM generate_series(1, :n) g""").param("m", merchants).param("n", transactions).update();
		jdbc.sql("INSERT INTO journal_entry (id, kind, reference, created_at) SELECT id, 'CAPTURE', id::text, now() FROM card_transaction WHERE terminal_sn = 'BENCH'")
			.update();
		jdbc.sql("""
				INSERT INTO posting (entry_id, line, account, amount_fen)
				SELECT id, 1, 'CARD_NETWORK_RECEIVABLE', amount_fen FROM card_transaction WHERE terminal_sn = 'BENCH'
				UNION ALL SELECT id, 2, 'MERCHANT_PAYABLE:' || merchant_id, -net_fen FROM card_transaction WHERE terminal_sn = 'BENCH'
				UNION ALL SELECT id, 3, 'FEE_REVENUE', -fee_fen FROM card_transaction WHERE terminal_sn = 'BENCH'""").update();
		jdbc.sql("""
				INSERT INTO ledger_balance (account, balance_fen)
				SELECT account, SUM(amount_fen) FROM posting WHERE account LIKE 'MERCHANT_PAYABLE:%' GROUP BY account
				ON CONFLICT (account) DO UPDATE SET balance_fen = ledger_balance.balance_fen + EXCLUDED.balance_fen""").update();
		jdbc.sql("ANALYZE").update();
		System.out.printf("%nSweep data: %d merchants, %d transactions generated in %.1f s%n", merchants, transactions,
				(System.nanoTime() - setup) / 1e9);

		long aggregate = System.nanoTime();
		int groups = jdbc.sql("SELECT merchant_id, SUM(net_fen) FROM card_transaction WHERE terminal_sn = 'BENCH' GROUP BY merchant_id")
			.query().listOfRows().size();
		double aggregateSeconds = (System.nanoTime() - aggregate) / 1e9;
		long start = System.nanoTime();
		var run = app.getBean(Payouts.class).settle("D0");
		double sweepSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%-34s %10.2f s (%d payouts, %s)%n", "D0 sweep", sweepSeconds, run.payoutsCreated(), run.total());
		System.out.printf("%-34s %10.2f s (%d groups)%n", "SQL GROUP BY of the same rows", aggregateSeconds, groups);
		System.out.printf("%-34s %10.1f (target <= 2)%n", "ratio sweep / aggregate", sweepSeconds / aggregateSeconds);
	}

	public static List<String[]> merchantsWithTerminals(ConfigurableApplicationContext app, int count) {
		List<String[]> terminals = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String legalId = MerchantFixtures.randomId();
			MerchantProfile merchant = app.getBean(Merchants.class).register(new MerchantRegistration(
					"8228" + MerchantFixtures.digits(11), MerchantKind.INDIVIDUAL, "压测店", "压测", legalId, "13600000000", "5411",
					SettlementMode.T1, "STANDARD", Locale.SIMPLIFIED_CHINESE, null));
			var account = app.getBean(SettlementAccounts.class).bindInitial(merchant.id(), new NewSettlementAccount(
					AccountType.PERSONAL, MerchantFixtures.icbcCard(), "压测", legalId, "13600000000", null, null, null));
			String sn = "TB" + MerchantFixtures.digits(10);
			app.getBean(Terminals.class).registerActive(sn, "PAX-A920", merchant.id(), account.id(), "压测");
			terminals.add(new String[] { merchant.merchantNo(), sn });
		}
		return terminals;
	}

	public static String token(String base) throws Exception {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"gateway\",\"password\":\"Demo@2026\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher matcher = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No token: " + response.body());
		}
		return matcher.group(1);
	}

	public static double pgbench(int clients, int seconds) throws Exception {
		String output = run("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-c", String.valueOf(clients), "-j", "2", "-T",
				String.valueOf(seconds), PGBENCH_DATABASE);
		Matcher matcher = Pattern.compile("tps = ([0-9.]+)").matcher(output);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	public static void psql(String database, String sql) throws Exception {
		run("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qc", sql);
	}

	public static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().forEach(line -> output.append(line).append('\n'));
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		return output.toString();
	}
}
