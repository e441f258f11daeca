package com.settledesk.cardchange;

/** Who decides: a reviewer (审核员) or a senior reviewer (复核员), by username. */
public record Reviewer(String username, boolean senior) {

	public static final Reviewer SYSTEM = new Reviewer("system", false);
}
