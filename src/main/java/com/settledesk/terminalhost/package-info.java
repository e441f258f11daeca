/**
 * The terminal host (终端主机): POS terminals send ISO 8583 over TCP straight to SettleDesk (iso8583.md). Sign-on
 * gives a terminal its MAC key; purchases are captured through the acquiring API like the gateway's; voids and
 * reversals undo them; settlement closes a batch against the terminal's totals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terminal host")
package com.settledesk.terminalhost;
