package com.settledesk.payout.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.JaxbContextCacheImpl;
import com.prowidesoftware.swift.model.mx.JaxbContextLoader;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemMemberIdentification2;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader86;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason5;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;

/**
 * The bank's ISO 20022 messages, built and read with the Prowide model (never string templates): the
 * {@code pain.001.001.09} credit transfers SettleDesk sends, the {@code pain.002.001.10} status reports and the
 * {@code camt.054.001.08} debit/credit notifications the bank answers with. Amounts are CNY with two decimals;
 * every transfer's {@code EndToEndId} is the payout id, which is how answers find their payout.
 */
final class Iso20022Messages {

	static final String CNY = "CNY";

	static {
		// Without a cache Prowide builds a new JAXB context for every message it reads or writes (a profile of the
		// terminal host benchmark found the simulated bank's start spending 6.5 s of CPU on them for 693 files).
		if (JaxbContextLoader.INSTANCE.getCacheImpl() == null) {
			JaxbContextLoader.INSTANCE.setCacheImpl(new JaxbContextCacheImpl());
		}
	}

	/** Reason codes of the ISO external code list that a bank uses to reject or return a transfer, in words. */
	private static final Map<String, String> REASONS = Map.of("AC01", "账号不正确（AC01）", "AC04", "账户已销户（AC04）",
			"AC06", "账户已冻结（AC06）", "AG01", "账户不允许此交易（AG01）", "AM04", "付款账户余额不足（AM04）",
			"BE01", "户名与账号不符（BE01）", "RC01", "收款行代码不正确（RC01）", "MS03", "银行未说明原因（MS03）");

	/** One transfer of a batch: where the money goes and how much. */
	record Transfer(UUID payoutId, long amountFen, String creditorName, String creditorAccount, String creditorAgentCnaps) {

		@Override
		public String toString() {
			return "Transfer[payout=" + payoutId + ", amountFen=" + amountFen + "]";
		}
	}

	/** The debtor: the acquirer's settlement account that pays merchants out. */
	record Debtor(String name, String account, String agentBic) {
	}

	/** The bank's word on one transfer in a status report: accepted, or rejected with a reason code. */
	record TransferStatus(UUID payoutId, boolean rejected, String reasonCode, String reasonText) {
	}

	/** A booking the bank notifies: the transfer debited (paid), or a credit returning it. */
	record Booking(UUID payoutId, long amountFen, boolean returned, String bankReference, String reasonCode,
			String reasonText) {
	}

	private Iso20022Messages() {
	}

	static String pain001(String messageId, OffsetDateTime created, Debtor debtor, List<Transfer> transfers) {
		BigDecimal sum = BigDecimal.ZERO.setScale(2);
		PaymentInstruction30 batch = new PaymentInstruction30().setPmtInfId(messageId + "-1")
			.setPmtMtd(PaymentMethod3Code.TRF)
			.setReqdExctnDt(new DateAndDateTime2Choice().setDt(created.toLocalDate()))
			.setDbtr(new PartyIdentification135().setNm(debtor.name()))
			.setDbtrAcct(account(debtor.account()))
			.setDbtrAgt(new BranchAndFinancialInstitutionIdentification6()
				.setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(debtor.agentBic())));
		for (Transfer transfer : transfers) {
			BigDecimal amount = yuan(transfer.amountFen());
			sum = sum.add(amount);
			CreditTransferTransaction34 tx = new CreditTransferTransaction34()
				.setPmtId(new PaymentIdentification6().setInstrId(shortId(transfer.payoutId()))
					.setEndToEndId(transfer.payoutId().toString()))
				.setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setCcy(CNY).setValue(amount)))
				.setCdtr(new PartyIdentification135().setNm(transfer.creditorName()))
				.setCdtrAcct(account(transfer.creditorAccount()));
			if (transfer.creditorAgentCnaps() != null) {
				tx.setCdtrAgt(new BranchAndFinancialInstitutionIdentification6().setFinInstnId(
						new FinancialInstitutionIdentification18().setClrSysMmbId(
								new ClearingSystemMemberIdentification2().setMmbId(transfer.creditorAgentCnaps()))));
			}
			batch.addCdtTrfTxInf(tx);
		}
		batch.setNbOfTxs(Integer.toString(transfers.size())).setCtrlSum(sum);
		MxPain00100109 mx = new MxPain00100109().setCstmrCdtTrfInitn(new CustomerCreditTransferInitiationV09()
			.setGrpHdr(new GroupHeader85().setMsgId(messageId).setCreDtTm(created)
				.setNbOfTxs(Integer.toString(transfers.size())).setCtrlSum(sum)
				.setInitgPty(new PartyIdentification135().setNm(debtor.name())))
			.addPmtInf(batch));
		return mx.message();
	}

	static List<Transfer> readPain001(String xml) {
		MxPain00100109 mx = MxPain00100109.parse(xml);
		List<Transfer> transfers = new ArrayList<>();
		for (PaymentInstruction30 batch : mx.getCstmrCdtTrfInitn().getPmtInf()) {
			for (CreditTransferTransaction34 tx : batch.getCdtTrfTxInf()) {
				String cnaps = tx.getCdtrAgt() == null || tx.getCdtrAgt().getFinInstnId().getClrSysMmbId() == null ? null
						: tx.getCdtrAgt().getFinInstnId().getClrSysMmbId().getMmbId();
				transfers.add(new Transfer(UUID.fromString(tx.getPmtId().getEndToEndId()),
						fen(tx.getAmt().getInstdAmt().getValue()), tx.getCdtr().getNm(),
						tx.getCdtrAcct().getId().getOthr().getId(), cnaps));
			}
		}
		return transfers;
	}

	static String pain002(String messageId, OffsetDateTime created, String originalMessageId,
			List<TransferStatus> statuses) {
		OriginalPaymentInstruction32 batch = new OriginalPaymentInstruction32().setOrgnlPmtInfId(originalMessageId + "-1");
		for (TransferStatus status : statuses) {
			PaymentTransaction105 tx = new PaymentTransaction105().setOrgnlEndToEndId(status.payoutId().toString())
				.setTxSts(status.rejected() ? "RJCT" : "ACCP");
			if (status.rejected()) {
				StatusReasonInformation12 reason = new StatusReasonInformation12()
					.setRsn(new StatusReason6Choice().setCd(status.reasonCode()));
				if (status.reasonText() != null) {
					reason.addAddtlInf(status.reasonText());
				}
				tx.addStsRsnInf(reason);
			}
			batch.addTxInfAndSts(tx);
		}
		return new MxPain00200110().setCstmrPmtStsRpt(new CustomerPaymentStatusReportV10()
			.setGrpHdr(new GroupHeader86().setMsgId(messageId).setCreDtTm(created))
			.setOrgnlGrpInfAndSts(new OriginalGroupHeader17().setOrgnlMsgId(originalMessageId)
				.setOrgnlMsgNmId("pain.001.001.09"))
			.addOrgnlPmtInfAndSts(batch)).message();
	}

	static List<TransferStatus> readPain002(String xml) {
		MxPain00200110 mx = MxPain00200110.parse(xml);
		List<TransferStatus> statuses = new ArrayList<>();
		for (OriginalPaymentInstruction32 batch : mx.getCstmrPmtStsRpt().getOrgnlPmtInfAndSts()) {
			for (PaymentTransaction105 tx : batch.getTxInfAndSts()) {
				boolean rejected = "RJCT".equals(tx.getTxSts());
				String code = null;
				String text = null;
				if (!tx.getStsRsnInf().isEmpty()) {
					StatusReasonInformation12 reason = tx.getStsRsnInf().get(0);
					code = reason.getRsn() == null ? null : reason.getRsn().getCd();
					text = reason.getAddtlInf().isEmpty() ? null : String.join(" ", reason.getAddtlInf());
				}
				statuses.add(new TransferStatus(UUID.fromString(tx.getOrgnlEndToEndId()), rejected, code, text));
			}
		}
		return statuses;
	}

	static String camt054(String messageId, OffsetDateTime created, String debtorAccount, List<Booking> bookings) {
		AccountNotification17 notification = new AccountNotification17().setId(messageId + "-1").setCreDtTm(created);
		for (Booking booking : bookings) {
			EntryTransaction10 tx = new EntryTransaction10()
				.setRefs(new TransactionReferences6().setEndToEndId(booking.payoutId().toString())
					.setAcctSvcrRef(booking.bankReference()));
			if (booking.returned()) {
				PaymentReturnReason5 reason = new PaymentReturnReason5()
					.setRsn(new ReturnReason5Choice().setCd(booking.reasonCode()));
				if (booking.reasonText() != null) {
					reason.addAddtlInf(booking.reasonText());
				}
				tx.setRtrInf(reason);
			}
			notification.addNtry(new ReportEntry10()
				.setAmt(new ActiveOrHistoricCurrencyAndAmount().setCcy(CNY).setValue(yuan(booking.amountFen())))
				.setCdtDbtInd(booking.returned() ? CreditDebitCode.CRDT : CreditDebitCode.DBIT)
				.setSts(new EntryStatus1Choice().setCd("BOOK"))
				.setBookgDt(new DateAndDateTime2Choice().setDtTm(created))
				.setAcctSvcrRef(booking.bankReference())
				.addNtryDtls(new EntryDetails9().addTxDtls(tx)));
		}
		notification.setAcct(new com.prowidesoftware.swift.model.mx.dic.CashAccount39()
			.setId(new AccountIdentification4Choice().setOthr(new GenericAccountIdentification1().setId(debtorAccount))));
		return new MxCamt05400108().setBkToCstmrDbtCdtNtfctn(new BankToCustomerDebitCreditNotificationV08()
			.setGrpHdr(new GroupHeader81().setMsgId(messageId).setCreDtTm(created))
			.addNtfctn(notification)).message();
	}

	/** Booked entries only; an entry that names no payout (a fee, a top-up) is not ours and left out. */
	static List<Booking> readCamt054(String xml) {
		MxCamt05400108 mx = MxCamt05400108.parse(xml);
		List<Booking> bookings = new ArrayList<>();
		for (AccountNotification17 notification : mx.getBkToCstmrDbtCdtNtfctn().getNtfctn()) {
			for (ReportEntry10 entry : notification.getNtry()) {
				if (entry.getSts() == null || !"BOOK".equals(entry.getSts().getCd())) {
					continue;
				}
				for (EntryDetails9 details : entry.getNtryDtls()) {
					for (EntryTransaction10 tx : details.getTxDtls()) {
						UUID payout = payoutId(tx.getRefs() == null ? null : tx.getRefs().getEndToEndId());
						if (payout == null) {
							continue;
						}
						boolean returned = entry.getCdtDbtInd() == CreditDebitCode.CRDT && tx.getRtrInf() != null;
						String code = returned && tx.getRtrInf().getRsn() != null ? tx.getRtrInf().getRsn().getCd() : null;
						String text = returned && !tx.getRtrInf().getAddtlInf().isEmpty()
								? String.join(" ", tx.getRtrInf().getAddtlInf()) : null;
						String reference = entry.getAcctSvcrRef() != null ? entry.getAcctSvcrRef() : tx.getRefs().getAcctSvcrRef();
						bookings.add(new Booking(payout, fen(entry.getAmt().getValue()), returned, reference, code, text));
					}
				}
			}
		}
		return bookings;
	}

	/** Which message a file holds, by its namespace; null for anything else. */
	static String typeOf(String xml) {
		AbstractMX mx = AbstractMX.parse(xml);
		if (mx instanceof MxPain00200110) {
			return "pain.002";
		}
		if (mx instanceof MxCamt05400108) {
			return "camt.054";
		}
		if (mx instanceof MxPain00100109) {
			return "pain.001";
		}
		return null;
	}

	/** A reason code in words for the merchant and operators; the bank's own text where it gave one. */
	static String reasonInWords(String code, String text) {
		String words = code == null ? null : REASONS.get(code);
		if (words != null) {
			return words;
		}
		if (text != null && !text.isBlank()) {
			return text.length() > 200 ? text.substring(0, 200) : text;
		}
		return "银行拒绝了转账" + (code == null ? "" : "（" + code + "）");
	}

	private static UUID payoutId(String endToEndId) {
		try {
			return endToEndId == null ? null : UUID.fromString(endToEndId);
		}
		catch (IllegalArgumentException notOurs) {
			return null;
		}
	}

	private static CashAccount38 account(String number) {
		return new CashAccount38().setCcy(CNY)
			.setId(new AccountIdentification4Choice().setOthr(new GenericAccountIdentification1().setId(number)));
	}

	private static String shortId(UUID id) {
		return id.toString().replace("-", "").substring(0, 16);
	}

	static BigDecimal yuan(long fen) {
		return BigDecimal.valueOf(fen, 2);
	}

	static long fen(BigDecimal yuan) {
		return yuan.setScale(2).movePointRight(2).longValueExact();
	}
}
