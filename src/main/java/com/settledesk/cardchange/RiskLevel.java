package com.settledesk.cardchange;

/** LOW may be approved automatically, MEDIUM needs one reviewer, HIGH a reviewer and a senior reviewer. */
public enum RiskLevel {
	LOW, MEDIUM, HIGH;

	public RiskLevel max(RiskLevel other) {
		return compareTo(other) >= 0 ? this : other;
	}
}
