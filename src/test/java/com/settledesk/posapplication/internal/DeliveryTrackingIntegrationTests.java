package com.settledesk.posapplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;
import com.settledesk.testsupport.TerminalDriver;

/** The demo courier signs for a parcel some minutes after shipping; the tracker marks the application delivered. */
@IntegrationTest
class DeliveryTrackingIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	TerminalDriver driver;

	@Autowired
	DeliveryTracking tracking;

	@Autowired
	MutableClock clock;

	@Test
	void a_parcel_in_transit_stays_shipped_and_a_signed_one_marks_the_application_delivered() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String id = driver.approved(owner, "PAX-A920", 1);
		assertThat(driver.ship(id, driver.stock("PAX-A920", 1)).status()).isEqualTo(200);

		tracking.poll();
		assertThat(status(owner, id)).as("just shipped").isEqualTo("SHIPPED");

		clock.advance(Duration.ofMinutes(4));
		tracking.poll();
		assertThat(status(owner, id)).isEqualTo("DELIVERED");
		assertThat(api.get("/api/v1/merchant/terminal-applications/" + id, owner).json().get("deliveredAt")).isNotNull();
	}

	private String status(String owner, String id) {
		return api.get("/api/v1/merchant/terminal-applications/" + id, owner).json().get("status").asString();
	}
}
