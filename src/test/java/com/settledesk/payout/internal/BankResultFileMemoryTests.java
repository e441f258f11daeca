package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A million-line result file and a million-entry camt.053 statement are read in a JVM whose heap (16 MB)
 * could not hold a tenth of either: the readers stream. (The import into the database is measured by the reconciliation benchmark; see README.)
 */
class BankResultFileMemoryTests {

	@Test
	void a_million_line_result_file_is_read_in_a_sixteen_megabyte_heap() throws Exception {
		assertThat(probe(BankResultFileMemoryProbe.class)).contains("lines=1000000 seen=1000000 totalFen=100000000");
	}

	@Test
	void a_million_entry_camt_053_statement_is_read_in_a_sixteen_megabyte_heap() throws Exception {
		assertThat(probe(Camt053MemoryProbe.class)).contains("entries=1000000 seen=1000000 totalFen=100000000");
	}

	/**
	 * Runs the probe over a million generated records in a JVM with a 16 MB heap; answers what it printed. Only the
	 * project's own classes are on its class path: the readers need nothing else, and opening every library jar
	 * (time-zone providers are looked up in all of them) would cost more heap than the reading itself.
	 */
	private static String probe(Class<?> probe) throws Exception {
		String launcher = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		String own = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> entry.endsWith("classes") || entry.endsWith("classes" + File.separator))
			.collect(java.util.stream.Collectors.joining(File.pathSeparator));
		Process process = new ProcessBuilder(launcher, "-Xmx16m", "-cp", own, probe.getName(), "1000000")
			.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		System.out.println(probe.getSimpleName() + ": " + output.trim());
		return output;
	}
}
