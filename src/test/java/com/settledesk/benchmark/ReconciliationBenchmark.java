package com.settledesk.benchmark;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.settledesk.SettleDeskApplication;
import com.settledesk.jobs.BackgroundJobs;
import com.settledesk.jobs.JobView;
import com.settledesk.payout.Reconciliations;

/**
 * A program, not a test: writes a bank result file of N lines (default 1,000,000; every payout unknown here,
 * so every line is also a break — the heaviest case), imports it into PostgreSQL through the reconciliation
 * job, and prints the time and the most heap in use while it ran. Run with a small heap (the script: 256 MB).
 */
public final class ReconciliationBenchmark {

	private static final String DATABASE = "settledesk_recon_bench";

	private ReconciliationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
		MoneyPathBenchmark.freshDatabase(DATABASE);
		Path file = Files.createTempFile("bank-result-", ".txt");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SettleDeskApplication.class).run()) {
			long written = System.nanoTime();
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				out.write("H|SETTLEDESK-BANK-RESULT|1|2026-11-24|SIMBANK\n");
				for (long i = 0; i < lines; i++) {
					out.write("D|" + UUID.randomUUID() + "|fp" + (i % 997) + "|" + (100 + i % 50000) + "|PAID|SIM" + i + "\n");
				}
				long sum = 0;
				for (long i = 0; i < lines; i++) {
					sum += 100 + i % 50000;
				}
				out.write("T|" + lines + "|" + sum + "\n");
			}
			System.out.printf("%nResult file: %,d lines, %,d MB, written in %.1f s%n", lines, Files.size(file) >> 20,
					(System.nanoTime() - written) / 1e9);
			var memory = ManagementFactory.getMemoryMXBean();
			long start = System.nanoTime();
			UUID job;
			try (InputStream in = Files.newInputStream(file)) {
				job = app.getBean(Reconciliations.class).importFile(file.getFileName().toString(), in, "benchmark",
						"each benchmark run replaces the last").jobId();
			}
			long peak = 0;
			JobView view;
			do {
				Thread.sleep(200);
				peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
				view = app.getBean(BackgroundJobs.class).find(job, "benchmark").orElseThrow();
			}
			while (!view.finished());
			double seconds = (System.nanoTime() - start) / 1e9;
			var run = app.getBean(Reconciliations.class).runs(1);
			System.out.printf("Import and classification: %s in %.1f s (%,.0f lines/s); heap max %d MB, most in use %d MB%n",
					view.status(), seconds, lines / seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
			if (!run.isEmpty()) {
				System.out.printf("Run: %,d lines, %,d matched, %,d breaks%n", run.get(0).lines(), run.get(0).matched(),
						run.get(0).breaks());
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
