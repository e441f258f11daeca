package com.settledesk.merchant;

public enum MerchantStatus {
	ACTIVE, SUSPENDED, CLOSED
}
