package com.settledesk.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.settledesk.shared.ValidationFailedException;

class TargetGuardUnitTests {

	final TargetGuard production = new TargetGuard(new WebhookProperties(false, true, null, null, null, null, null, null, 0, 0));

	@Test
	void addresses_outside_the_public_internet_are_refused() throws Exception {
		for (String address : new String[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
				"169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "fc00::1", "fe80::1",
				"::ffff:127.0.0.1", "::ffff:10.0.0.1" }) {
			assertThat(TargetGuard.notPublic(InetAddress.getByName(address))).as(address).isTrue();
		}
		for (String address : new String[] { "93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111" }) {
			assertThat(TargetGuard.notPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
	}

	@Test
	void production_refuses_plain_http_credentials_and_private_literals_at_registration() {
		assertThatThrownBy(() -> production.checkedUrl("http://example.com/hook"))
			.isInstanceOf(ValidationFailedException.class).hasMessageContaining("HTTPS_REQUIRED");
		assertThatThrownBy(() -> production.checkedUrl("https://user:pw@example.com/hook"))
			.isInstanceOf(ValidationFailedException.class).hasMessageContaining("INVALID_URL");
		assertThatThrownBy(() -> production.checkedUrl("https://127.0.0.1/hook"))
			.isInstanceOf(TargetGuard.TargetRefused.class);
		assertThatThrownBy(() -> production.checkedUrl("https://[::1]/hook")).isInstanceOf(TargetGuard.TargetRefused.class);
		assertThatThrownBy(() -> production.checkedUrl("https://localhost/hook"))
			.isInstanceOf(TargetGuard.TargetRefused.class);
		assertThat(production.checkedUrl("https://93.184.216.34/hook").getHost()).isEqualTo("93.184.216.34");
	}

	@Test
	void a_name_resolving_to_a_private_address_is_refused_at_delivery() {
		assertThatThrownBy(() -> production.checkAtDelivery(URI.create("https://localhost/hook")))
			.isInstanceOf(TargetGuard.TargetRefused.class);
	}

	@Test
	void the_demo_allows_a_local_receiver() {
		TargetGuard demo = new TargetGuard(new WebhookProperties(true, false, null, null, null, null, Duration.ofSeconds(1),
				null, 0, 0));
		assertThat(demo.checkedUrl("http://127.0.0.1:8081/hook").getPort()).isEqualTo(8081);
		demo.checkAtDelivery(URI.create("http://127.0.0.1:8081/hook"));
	}
}
