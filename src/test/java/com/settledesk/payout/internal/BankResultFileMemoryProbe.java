package com.settledesk.payout.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a JVM with a small heap by {@link BankResultFileMemoryTests}: reads a result file of the given number
 * of lines that is generated as it is read (never held anywhere), and prints how many detail lines it saw.
 */
final class BankResultFileMemoryProbe {

	private BankResultFileMemoryProbe() {
	}

	public static void main(String[] args) throws IOException {
		long lines = Long.parseLong(args[0]);
		AtomicLong seen = new AtomicLong();
		long start = System.nanoTime();
		var summary = BankResultFile.read(new GeneratedFile(lines), header -> {
		}, detail -> seen.incrementAndGet(), bytes -> {
		});
		System.out.printf("lines=%d seen=%d totalFen=%d seconds=%.2f maxHeapMb=%d%n", summary.lines(), seen.get(),
				summary.totalFen(), (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
	}

	/** A well-formed file of {@code lines} detail lines, each of 100 fen, produced on demand. */
	static final class GeneratedFile extends GeneratedStream {

		private final long lines;
		private long next = -2;

		GeneratedFile(long lines) {
			this.lines = lines;
		}

		@Override
		protected byte[] nextChunk() {
			next++;
			if (next > lines) {
				return null;
			}
			String line = next < 0 ? "H|" + BankResultFile.FORMAT + "|1|2026-11-24|SIMBANK\n"
					: next < lines ? "D|" + new UUID(0x5e77_1ed0_0000_4000L, next | 0x8000_0000_0000_0000L) + "|fingerprint"
							+ (next % 97) + "|100|PAID|SIM" + next + "\n"
					: "T|" + lines + "|" + lines * 100 + "\n";
			return line.getBytes(StandardCharsets.UTF_8);
		}
	}
}
