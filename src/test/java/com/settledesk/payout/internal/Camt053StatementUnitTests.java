package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.settledesk.payout.internal.BankResultFile.Corrupt;
import com.settledesk.payout.internal.BankResultFile.Detail;
import com.settledesk.payout.internal.BankResultFile.Header;

class Camt053StatementUnitTests {

	private static final UUID PAID = UUID.fromString("0d6f3f8e-3a5b-4c4e-9d7e-111111111111");
	private static final UUID RETURNED = UUID.fromString("0d6f3f8e-3a5b-4c4e-9d7e-222222222222");
	private static final String CARD = "6222024000123456788";

	@Test
	void aBookedDebitIsAPaidPayoutABookedReturnCreditAReturnedOneAndAFeeIsNoPayout() throws Exception {
		List<Detail> details = new ArrayList<>();
		List<Header> headers = new ArrayList<>();
		var summary = read(statement("3", "152.00", entries()), headers, details);
		assertThat(headers).singleElement().satisfies(h -> {
			assertThat(h.businessDate()).hasToString("2026-11-26");
			assertThat(h.bank()).isEqualTo("ICBKCNBJ");
		});
		assertThat(details).extracting(Detail::payoutId, Detail::amountFen, Detail::status, Detail::bankReference)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PAID, 10000L, "PAID", "BANK0001"),
					org.assertj.core.groups.Tuple.tuple(RETURNED, 5000L, "RETURNED", "BANK0002"));
		assertThat(details).allSatisfy(d -> assertThat(d.fingerprint()).isEqualTo("fp-" + CARD.length()));
		assertThat(summary.lines()).isEqualTo(2);
		assertThat(summary.totalFen()).isEqualTo(15000);
		assertThat(summary.sha256()).hasSize(64);
	}

	@Test
	void aStatementCutOffBeforeItsEndIsRefusedAsTruncated() {
		String whole = statement("3", "152.00", entries());
		String cut = whole.substring(0, whole.indexOf("BANK0002"));
		assertThatThrownBy(() -> read(cut, new ArrayList<>(), new ArrayList<>()))
			.isInstanceOfSatisfying(Corrupt.class, e -> assertThat(e.truncated()).isTrue());
	}

	@Test
	void entriesThatDoNotAddUpToTheDeclaredTotalsAreRefused() {
		assertThatThrownBy(() -> read(statement("4", "152.00", entries()), new ArrayList<>(), new ArrayList<>()))
			.isInstanceOf(Corrupt.class);
		assertThatThrownBy(() -> read(statement("3", "152.01", entries()), new ArrayList<>(), new ArrayList<>()))
			.isInstanceOf(Corrupt.class);
	}

	@Test
	void anotherMessageOrAnEntityTrickIsRefused() {
		String pain = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"></Document>";
		assertThatThrownBy(() -> read(pain, new ArrayList<>(), new ArrayList<>())).isInstanceOf(Corrupt.class);
		String entity = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<Document xmlns=\"" + Camt053Statement.NAMESPACE + "\">&x;</Document>";
		assertThatThrownBy(() -> read(entity, new ArrayList<>(), new ArrayList<>())).isInstanceOf(Corrupt.class);
	}

	@Test
	void xmlIsToldFromAResultFileByItsFirstBytes() {
		byte[] xml = "\uFEFF  <?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_8);
		byte[] result = "H|SETTLEDESK-BANK-RESULT|1|2026-11-26|SIMBANK".getBytes(StandardCharsets.UTF_8);
		assertThat(Camt053Statement.looksLikeXml(xml, xml.length)).isTrue();
		assertThat(Camt053Statement.looksLikeXml(result, result.length)).isFalse();
	}

	private static BankResultFile.Summary read(String xml, List<Header> headers, List<Detail> details) throws Exception {
		return Camt053Statement.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
				account -> "fp-" + account.length(), headers::add, details::add, bytes -> {
				});
	}

	private static String entries() {
		return entry("100.00", "DBIT", "BANK0001", PAID.toString(), "CdtrAcct", false)
				+ entry("50.00", "CRDT", "BANK0002", RETURNED.toString(), "DbtrAcct", true)
				+ entry("2.00", "DBIT", "BANK0003", "NOTPROVIDED", null, false);
	}

	private static String entry(String amount, String direction, String reference, String endToEnd, String accountRole,
			boolean returned) {
		return "<Ntry><Amt Ccy=\"CNY\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
				+ "<BookgDt><Dt>2026-11-26</Dt></BookgDt><AcctSvcrRef>" + reference + "</AcctSvcrRef>"
				+ "<BkTxCd><Domn><Cd>PMNT</Cd></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>" + endToEnd
				+ "</EndToEndId></Refs>" + (accountRole == null ? "" : "<RltdPties><" + accountRole + "><Id><Othr><Id>" + CARD
						+ "</Id></Othr></Id></" + accountRole + "></RltdPties>")
				+ (returned ? "<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>" : "") + "</TxDtls></NtryDtls></Ntry>";
	}

	private static String statement(String count, String sum, String entries) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"" + Camt053Statement.NAMESPACE + "\">"
				+ "<BkToCstmrStmt><GrpHdr><MsgId>STMT-20261126</MsgId><CreDtTm>2026-11-27T01:00:00+08:00</CreDtTm></GrpHdr>"
				+ "<Stmt><Id>S1</Id><CreDtTm>2026-11-27T01:00:00+08:00</CreDtTm><FrToDt><FrDtTm>2026-11-26T00:00:00+08:00"
				+ "</FrDtTm><ToDtTm>2026-11-26T23:59:59+08:00</ToDtTm></FrToDt><Acct><Id><Othr><Id>1001234509000012345</Id>"
				+ "</Othr></Id><Svcr><FinInstnId><BICFI>ICBKCNBJ</BICFI></FinInstnId></Svcr></Acct>"
				+ "<TxsSummry><TtlNtries><NbOfNtries>" + count + "</NbOfNtries><Sum>" + sum + "</Sum></TtlNtries></TxsSummry>"
				+ entries + "</Stmt></BkToCstmrStmt></Document>";
	}
}
