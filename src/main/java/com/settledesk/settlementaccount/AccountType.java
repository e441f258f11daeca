package com.settledesk.settlementaccount;

/** 对私 (a person's debit card) or 对公 (a company account). */
public enum AccountType {
	PERSONAL, CORPORATE
}
