package com.settledesk.terminal;

/** 传统 POS, 智能 POS, 收款盒子 (QR only). */
public enum TerminalKind {
	TRADITIONAL, SMART, QR_BOX
}
