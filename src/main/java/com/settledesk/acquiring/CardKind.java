package com.settledesk.acquiring;

public enum CardKind {
	DEBIT, CREDIT, NONE
}
