package com.settledesk.acquiring;

/** The fee plans in force, by code. */
public interface FeePlans {

	FeePlan plan(String code);

	/** The fee charged once when a settlement card change takes effect (结算卡变更费); zero when none. */
	com.settledesk.shared.Money cardChangeFee();
}
