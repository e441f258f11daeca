package com.settledesk.merchant;

/** 个体/小微 or 企业. */
public enum MerchantKind {
	INDIVIDUAL, ENTERPRISE
}
