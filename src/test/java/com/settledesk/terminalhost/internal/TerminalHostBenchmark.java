package com.settledesk.terminalhost.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.SettleDeskApplication;
import com.settledesk.benchmark.MoneyPathBenchmark;
import com.settledesk.terminal.Terminals;

/**
 * A program, not a test: purchases per second through the terminal host over TCP, each simulated terminal on one
 * connection computing its own MACs, at 8 and 32 terminals, beside pgbench's TPC-B on the same PostgreSQL at the
 * same client counts in the same run. Prints figures; asserts nothing. See README ("Benchmark").
 */
public final class TerminalHostBenchmark {

	private static final String DATABASE = "settledesk_host_bench";
	private static final int[] CLIENTS = { 8, 32 };
	private static final String MASTER_KEY = "0123456789ABCDEFFEDCBA9876543210";

	private TerminalHostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		MoneyPathBenchmark.freshDatabase(DATABASE);
		System.setProperty("settledesk.terminal-host.port", "0");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SettleDeskApplication.class).run()) {
			int port = app.getBean(TerminalHostServer.class).port();
			List<String[]> merchants = MoneyPathBenchmark.merchantsWithTerminals(app, 32);
			for (int i = 0; i < merchants.size(); i++) {
				app.getBean(Terminals.class).injectMasterKey(merchants.get(i)[1], String.format("9%07d", i), MASTER_KEY);
			}
			MoneyPathBenchmark.psql("postgres", "DROP DATABASE IF EXISTS " + MoneyPathBenchmark.PGBENCH_DATABASE);
			MoneyPathBenchmark.psql("postgres", "CREATE DATABASE " + MoneyPathBenchmark.PGBENCH_DATABASE);
			MoneyPathBenchmark.run("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-i", "-q", "-s", "10",
					MoneyPathBenchmark.PGBENCH_DATABASE);
			System.out.printf("%nSettleDesk terminal host benchmark on PostgreSQL, %d s per run, %d cores%n", seconds,
					Runtime.getRuntime().availableProcessors());
			System.out.printf("%-28s %14s %12s %8s%n", "terminals", "purchases/s", "pgbench tps", "ratio");
			AtomicInteger batch = new AtomicInteger(1);
			MoneyPathBenchmark.warmUp(roundSeconds -> purchases(port, merchants, 32, roundSeconds,
					String.format("%06d", batch.getAndIncrement())));
			for (int clients : CLIENTS) {
				MoneyPathBenchmark.statisticsAsAutovacuumKeepsThem(app.getBean(JdbcClient.class));
				double pgbench = MoneyPathBenchmark.pgbench(clients, seconds);
				double purchases = purchases(port, merchants, clients, seconds, String.format("%06d", batch.getAndIncrement()));
				System.out.printf("%-28s %14.0f %12.0f %8.2f%n", clients + " terminals, 1 connection each", purchases,
						pgbench, purchases / pgbench);
			}
		}
	}

	private static double purchases(int port, List<String[]> merchants, int clients, int seconds, String batch)
			throws Exception {
		AtomicLong approved = new AtomicLong();
		AtomicLong declined = new AtomicLong();
		List<IsoTerminal> terminals = new java.util.ArrayList<>();
		for (int c = 0; c < clients; c++) {
			IsoTerminal terminal = new IsoTerminal(port, String.format("9%07d", c), merchants.get(c)[0], MASTER_KEY);
			terminal.batch = batch;
			terminal.signOn();
			terminals.add(terminal);
		}
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (IsoTerminal terminal : terminals) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					String code = terminal.purchase(terminal.nextStan(), "6222024000123456788", 1234, "051").text(39);
					("00".equals(code) ? approved : declined).incrementAndGet();
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		for (IsoTerminal terminal : terminals) {
			terminal.close();
		}
		if (declined.get() > 0) {
			System.out.printf("  (%d declined)%n", declined.get());
		}
		return approved.get() / elapsed;
	}
}
