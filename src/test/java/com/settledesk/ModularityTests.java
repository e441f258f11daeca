package com.settledesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SettleDeskApplication.class);

	@Test
	void modules_have_no_cycles_and_use_only_each_others_published_api() {
		modules.verify();
	}

	@Test
	void every_business_capability_is_its_own_module() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("shared", "secrets", "identity", "audit", "merchant", "settlementaccount", "terminal",
					"notification", "portal", "console", "demo", "attachment", "verification", "cardchange", "acquiring", "ledger", "payout");
	}
}
