package com.settledesk.acquiring;

/** The fee plans in force, by code. */
public interface FeePlans {

	FeePlan plan(String code);
}
