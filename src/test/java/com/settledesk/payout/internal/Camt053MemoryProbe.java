package com.settledesk.payout.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a JVM with a small heap by {@link BankResultFileMemoryTests}: reads a camt.053 statement of the given
 * number of entries that is generated as it is read (never held anywhere), and prints what it saw.
 */
final class Camt053MemoryProbe {

	private Camt053MemoryProbe() {
	}

	public static void main(String[] args) throws IOException {
		long entries = Long.parseLong(args[0]);
		AtomicLong seen = new AtomicLong();
		long start = System.nanoTime();
		var summary = Camt053Statement.read(new GeneratedStatement(entries), account -> "fp", header -> {
		}, detail -> seen.incrementAndGet(), bytes -> {
		});
		System.out.printf("entries=%d seen=%d totalFen=%d seconds=%.2f maxHeapMb=%d%n", summary.lines(), seen.get(),
				summary.totalFen(), (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
	}

	/** A statement of {@code entries} booked debits of 1.00 yuan, each a payout, produced on demand. */
	static final class GeneratedStatement extends GeneratedStream {

		private final long entries;
		private long next = -2;

		GeneratedStatement(long entries) {
			this.entries = entries;
		}

		@Override
		protected byte[] nextChunk() {
			next++;
			if (next > entries) {
				return null;
			}
			String text = next < 0 ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\""
					+ Camt053Statement.NAMESPACE + "\"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-27T01:00:00+08:00"
					+ "</CreDtTm></GrpHdr><Stmt><Id>S</Id><FrToDt><FrDtTm>2026-11-26T00:00:00+08:00</FrDtTm><ToDtTm>"
					+ "2026-11-26T23:59:59+08:00</ToDtTm></FrToDt><Acct><Id><Othr><Id>1001</Id></Othr></Id></Acct><TxsSummry>"
					+ "<TtlNtries><NbOfNtries>" + entries + "</NbOfNtries><Sum>" + entries + ".00</Sum></TtlNtries></TxsSummry>"
					: next < entries ? "<Ntry><Amt Ccy=\"CNY\">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd>"
							+ "</Sts><AcctSvcrRef>SIM" + next + "</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>"
							+ new UUID(0x5e77_1ed0_0000_4000L, next | 0x8000_0000_0000_0000L) + "</EndToEndId></Refs><RltdPties>"
							+ "<CdtrAcct><Id><Othr><Id>6222024000123456788</Id></Othr></Id></CdtrAcct></RltdPties></TxDtls>"
							+ "</NtryDtls></Ntry>"
					: "</Stmt></BkToCstmrStmt></Document>";
			return text.getBytes(StandardCharsets.UTF_8);
		}
	}
}
