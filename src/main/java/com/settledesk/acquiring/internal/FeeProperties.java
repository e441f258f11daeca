package com.settledesk.acquiring.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.settledesk.acquiring.FeePlan;
import com.settledesk.acquiring.FeePlans;

/**
 * Fee plans, capture limits and the settlement-card change fee from configuration (settledesk.acquiring.*).
 * A capture's time must fall within the window around now: a terminal may send late (offline batches), but
 * not from another era, and no clock runs more than a day ahead.
 */
@ConfigurationProperties("settledesk.acquiring")
record FeeProperties(long singleTransactionLimitFen, Map<String, Plan> plans, @DefaultValue("0") long cardChangeFeeFen,
		@DefaultValue("30d") Duration occurredAtPast, @DefaultValue("1d") Duration occurredAtFuture)
		implements FeePlans {

	record Plan(long debitBp, long debitCapFen, long creditBp, long qrBp, long d0SurchargeBp, long d0SurchargeFixedFen) {
	}

	@Override
	public FeePlan plan(String code) {
		Plan plan = plans.get(code);
		if (plan == null) {
			throw new IllegalStateException("No fee plan " + code);
		}
		return new FeePlan(code, plan.debitBp(), plan.debitCapFen(), plan.creditBp(), plan.qrBp(), plan.d0SurchargeBp(),
				plan.d0SurchargeFixedFen());
	}

	@Override
	public com.settledesk.shared.Money cardChangeFee() {
		return com.settledesk.shared.Money.ofFen(cardChangeFeeFen);
	}
}
