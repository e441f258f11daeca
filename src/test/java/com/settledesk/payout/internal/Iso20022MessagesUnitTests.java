package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.prowidesoftware.swift.model.mx.JaxbContextLoader;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.settledesk.payout.internal.Iso20022Messages.Booking;
import com.settledesk.payout.internal.Iso20022Messages.Debtor;
import com.settledesk.payout.internal.Iso20022Messages.Transfer;
import com.settledesk.payout.internal.Iso20022Messages.TransferStatus;

class Iso20022MessagesUnitTests {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:15:30+08:00");
	private static final Debtor DEBTOR = new Debtor("结算台支付有限公司", "1001234509000012345", "ICBKCNBJ");
	private static final UUID A = UUID.randomUUID();
	private static final UUID B = UUID.randomUUID();

	@Test
	void everyMessageTypeIsReadAndWrittenWithOneJaxbContextBuiltOnce() throws Exception {
		String xml = Iso20022Messages.pain001("SD20261127101530C", NOW, DEBTOR,
				List.of(new Transfer(A, 100, "张三", "6222024000123456788", null)));
		assertThat(Iso20022Messages.readPain001(xml)).hasSize(1);
		MxPain00100109 mx = MxPain00100109.parse(xml);
		assertThat(JaxbContextLoader.INSTANCE.get(mx)).isSameAs(JaxbContextLoader.INSTANCE.get(mx));
	}

	@Test
	void aCreditTransferBatchParsesBackWithItsMandatoryElementsAndTotals() {
		String xml = Iso20022Messages.pain001("SD20261127101530A", NOW, DEBTOR,
				List.of(new Transfer(A, 12345, "张三", "6222024000123456788", null),
						new Transfer(B, 5, "上海禾木餐饮管理有限公司", "31050161393600000123", "102290000013")));
		assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
		var initiation = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
		var header = initiation.getGrpHdr();
		assertThat(header.getMsgId()).isEqualTo("SD20261127101530A");
		assertThat(header.getCreDtTm()).isNotNull();
		assertThat(header.getNbOfTxs()).isEqualTo("2");
		assertThat(header.getCtrlSum()).isEqualByComparingTo(new BigDecimal("123.50"));
		assertThat(header.getInitgPty().getNm()).isEqualTo(DEBTOR.name());
		var batch = initiation.getPmtInf().get(0);
		assertThat(batch.getPmtInfId()).isNotBlank();
		assertThat(batch.getPmtMtd()).hasToString("TRF");
		assertThat(batch.getReqdExctnDt().getDt()).hasToString("2026-11-27");
		assertThat(batch.getDbtr().getNm()).isEqualTo(DEBTOR.name());
		assertThat(batch.getDbtrAcct().getId().getOthr().getId()).isEqualTo(DEBTOR.account());
		assertThat(batch.getDbtrAgt().getFinInstnId().getBICFI()).isEqualTo("ICBKCNBJ");
		assertThat(batch.getNbOfTxs()).isEqualTo("2");
		assertThat(batch.getCtrlSum()).isEqualByComparingTo(new BigDecimal("123.50"));
		var first = batch.getCdtTrfTxInf().get(0);
		assertThat(first.getPmtId().getEndToEndId()).isEqualTo(A.toString());
		assertThat(first.getAmt().getInstdAmt().getCcy()).isEqualTo("CNY");
		assertThat(first.getAmt().getInstdAmt().getValue().toPlainString()).isEqualTo("123.45");
		assertThat(batch.getCdtTrfTxInf().get(1).getCdtrAgt().getFinInstnId().getClrSysMmbId().getMmbId())
			.isEqualTo("102290000013");
		assertThat(Iso20022Messages.readPain001(xml)).extracting(Transfer::payoutId, Transfer::amountFen)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(A, 12345L), org.assertj.core.groups.Tuple.tuple(B, 5L));
	}

	@Test
	void aStatusReportSaysWhichTransfersTheBankAcceptedAndWhyItRejectedTheOthers() {
		String xml = Iso20022Messages.pain002("R1", NOW, "SD1",
				List.of(new TransferStatus(A, false, null, null), new TransferStatus(B, true, "AC04", "账户已销户")));
		assertThat(Iso20022Messages.typeOf(xml)).isEqualTo("pain.002");
		List<TransferStatus> read = Iso20022Messages.readPain002(xml);
		assertThat(read).extracting(TransferStatus::payoutId, TransferStatus::rejected, TransferStatus::reasonCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(A, false, null),
					org.assertj.core.groups.Tuple.tuple(B, true, "AC04"));
		assertThat(Iso20022Messages.reasonInWords("AC04", null)).isEqualTo("账户已销户（AC04）");
		assertThat(Iso20022Messages.reasonInWords("AC01", null)).contains("账号不正确");
		assertThat(Iso20022Messages.reasonInWords("NARR", "收款人要求退回")).isEqualTo("收款人要求退回");
	}

	@Test
	void aNotificationBooksADebitAsPaidAndAReturnCreditAsReturned() {
		String xml = Iso20022Messages.camt054("N1", NOW, DEBTOR.account(),
				List.of(new Booking(A, 12345, false, "BANK0001", null, null), new Booking(B, 5, true, "BANK0002", "AC04", null)));
		assertThat(Iso20022Messages.typeOf(xml)).isEqualTo("camt.054");
		assertThat(Iso20022Messages.readCamt054(xml)).extracting(Booking::payoutId, Booking::amountFen, Booking::returned,
				Booking::bankReference)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(A, 12345L, false, "BANK0001"),
					org.assertj.core.groups.Tuple.tuple(B, 5L, true, "BANK0002"));
	}
}
