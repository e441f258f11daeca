package com.settledesk.settlementaccount;

/**
 * The details of an account to bind. Personal: holder ID and reserved phone. Corporate: bank code, branch
 * and CNAPS code (a corporate account number carries no BIN).
 */
public record NewSettlementAccount(AccountType accountType, String accountNumber, String accountName,
		String holderIdNumber, String reservedPhone, String bankCode, String bankBranch, String cnapsCode) {

	@Override
	public String toString() {
		return "NewSettlementAccount[type=" + accountType + ", name=" + accountName + "]";
	}
}
