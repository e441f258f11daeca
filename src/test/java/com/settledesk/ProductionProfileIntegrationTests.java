package com.settledesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.settledesk.shared.SimulatorPolicy;

/** The production profile: keys required, no development endpoints, no demo data unless asked. */
class ProductionProfileIntegrationTests {

	private static final String KEY = "cHJvZHVjdGlvbi10ZXN0LWtleS0zMi1ieXRlcy0wMDE=";
	private static final String FINGERPRINT_KEY = "cHJvZHVjdGlvbi1maW5nZXJwcmludC1rZXktMzItYiE=";
	private static final String TOKEN_SECRET = "production-test-token-secret-0123456789abcdef";
	private static final String AUDIT_KEY = "cHJvZHVjdGlvbi1hdWRpdC1jaGFpbi1rZXktMzJiISE=";
	private static final String AUDIT_ANCHOR_KEY = "MC4CAQAwBQYDK2VwBCIEILWeMq3qgdGdXQxbuaJGKbZrsly2DJ/MWTTFKWX+P2Nm";

	@Test
	void production_refuses_to_start_without_an_encryption_key() {
		Map<String, Object> settings = settings();
		settings.remove("SETTLEDESK_ENCRYPTION_KEY");
		assertThatThrownBy(() -> start(settings).close()).hasStackTraceContaining("settledesk.secrets");
	}

	@Test
	void production_refuses_to_start_without_the_audit_chain_keys_or_a_place_for_its_anchors() {
		for (String missing : List.of("SETTLEDESK_AUDIT_KEY", "SETTLEDESK_AUDIT_ANCHOR_KEY", "SETTLEDESK_AUDIT_ANCHOR_DIRECTORY")) {
			Map<String, Object> settings = settings();
			settings.remove(missing);
			assertThatThrownBy(() -> start(settings).close()).as(missing).hasStackTraceContaining(missing);
		}
	}

	@Test
	void production_refuses_to_start_without_a_token_signing_secret() {
		Map<String, Object> settings = settings();
		settings.remove("SETTLEDESK_TOKEN_SECRET");
		assertThatThrownBy(() -> start(settings).close()).hasStackTraceContaining("settledesk.security");
	}

	@Test
	void production_refuses_to_start_while_an_outside_party_is_a_simulator() {
		Map<String, Object> settings = settings();
		settings.remove("SETTLEDESK_ALLOW_SIMULATORS");
		settings.put("SETTLEDESK_COURIER_PROVIDER", "simulator");
		assertThatThrownBy(() -> start(settings).close()).hasStackTraceContaining("SETTLEDESK_ALLOW_SIMULATORS")
			.hasStackTraceContaining("bank").hasStackTraceContaining("verification").hasStackTraceContaining("messages")
			.hasStackTraceContaining("courier");
	}

	@Test
	void production_told_to_allow_simulators_starts_and_names_them_for_the_console_banner() {
		try (ConfigurableApplicationContext context = start(settings())) {
			assertThat(context.getBean(SimulatorPolicy.class).inUse()).containsExactly("bank", "messages", "verification");
		}
	}

	@Test
	void production_with_the_real_sms_mail_and_verification_adapters_starts_against_test_servers_naming_only_the_bank()
			throws Exception {
		var providers = new com.github.tomakehurst.wiremock.WireMockServer(
				com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort());
		providers.start();
		try {
			Map<String, Object> settings = realProviders(settings(), providers.port());
			try (ConfigurableApplicationContext context = start(settings)) {
				assertThat(context.getBean(SimulatorPolicy.class).inUse()).containsExactly("bank");
			}
			settings.remove("SETTLEDESK_ALLOW_SIMULATORS");
			assertThatThrownBy(() -> start(settings).close()).hasStackTraceContaining("[bank]");
		}
		finally {
			providers.stop();
		}
	}

	@Test
	void production_with_every_outside_party_real_starts_against_test_servers_without_any_simulator(
			@org.junit.jupiter.api.io.TempDir java.nio.file.Path bankHome) throws Exception {
		var providers = new com.github.tomakehurst.wiremock.WireMockServer(
				com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort());
		providers.start();
		var sftp = org.apache.sshd.server.SshServer.setUpDefaultServer();
		sftp.setHost("127.0.0.1");
		sftp.setPort(0);
		var hostKeys = new org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider(bankHome.resolve("hostkey.ser"));
		sftp.setKeyPairProvider(hostKeys);
		sftp.setPasswordAuthenticator((user, password, session) -> "settledesk".equals(user) && "bank-secret".equals(password));
		sftp.setFileSystemFactory(new org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory(bankHome));
		sftp.setSubsystemFactories(java.util.List.of(new org.apache.sshd.sftp.server.SftpSubsystemFactory()));
		sftp.start();
		try {
			Map<String, Object> settings = settings();
			settings.remove("SETTLEDESK_ALLOW_SIMULATORS");
			settings.put("SETTLEDESK_BANK_SIMULATOR", "false");
			settings.put("SETTLEDESK_BANK_TRANSPORT", "sftp");
			settings.put("SETTLEDESK_BANK_SFTP_HOST", "127.0.0.1");
			settings.put("SETTLEDESK_BANK_SFTP_PORT", String.valueOf(sftp.getPort()));
			settings.put("SETTLEDESK_BANK_SFTP_USERNAME", "settledesk");
			settings.put("SETTLEDESK_BANK_SFTP_PASSWORD", "bank-secret");
			settings.put("SETTLEDESK_BANK_SFTP_HOST_KEY", org.apache.sshd.common.config.keys.KeyUtils
				.getFingerPrint(hostKeys.loadKeys(null).iterator().next().getPublic()));
			realProviders(settings, providers.port());
			try (ConfigurableApplicationContext context = start(settings)) {
				assertThat(context.getBean(SimulatorPolicy.class).inUse()).isEmpty();
				assertThat(context.getEnvironment().getProperty("settledesk.bank.transport")).isEqualTo("sftp");
			}
		}
		finally {
			sftp.stop(true);
			providers.stop();
		}
	}

	@Test
	void production_has_no_development_endpoints_and_no_demo_data() throws Exception {
		try (ConfigurableApplicationContext context = start(settings())) {
			String port = context.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> outbox = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dev/outbox?to=13800000001")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(outbox.statusCode()).isEqualTo(404);
			assertThat(outbox.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(context.getEnvironment().getProperty("settledesk.demo.enabled")).isEqualTo("false");
			assertThat(context.containsBean("demoDataSeeder")).isFalse();
		}
	}

	/** The verification provider, Alibaba Cloud SMS and the mail server, all answered by a local test server. */
	private static Map<String, Object> realProviders(Map<String, Object> settings, int port) {
		settings.put("SETTLEDESK_VERIFICATION_SIMULATOR", "false");
		settings.put("SETTLEDESK_VERIFICATION_URL", "http://127.0.0.1:" + port);
		settings.put("SETTLEDESK_NOTIFICATION_PROVIDER", "aliyun");
		settings.put("SETTLEDESK_ALIYUN_SMS_ENDPOINT", "127.0.0.1:" + port);
		settings.put("SETTLEDESK_ALIYUN_SMS_PROTOCOL", "http");
		settings.put("SETTLEDESK_ALIYUN_ACCESS_KEY_ID", "prod-test-key");
		settings.put("SETTLEDESK_ALIYUN_ACCESS_KEY_SECRET", "prod-test-secret");
		settings.put("SETTLEDESK_SMS_SIGN_NAME", "结算台");
		settings.put("SETTLEDESK_MAIL_PROVIDER", "smtp");
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", String.valueOf(port));
		return settings;
	}

	private static Map<String, Object> settings() {
		Map<String, Object> settings = new HashMap<>();
		settings.put("SETTLEDESK_DB_URL", "jdbc:h2:mem:prod-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		settings.put("SETTLEDESK_DB_USER", "sa");
		settings.put("SETTLEDESK_ENCRYPTION_KEY", KEY);
		settings.put("SETTLEDESK_FINGERPRINT_KEY", FINGERPRINT_KEY);
		settings.put("SETTLEDESK_TOKEN_SECRET", TOKEN_SECRET);
		settings.put("SETTLEDESK_AUDIT_KEY", AUDIT_KEY);
		settings.put("SETTLEDESK_AUDIT_ANCHOR_KEY", AUDIT_ANCHOR_KEY);
		settings.put("SETTLEDESK_AUDIT_ANCHOR_DIRECTORY", System.getProperty("java.io.tmpdir") + "/prod-anchors-"
				+ UUID.randomUUID());
		settings.put("SETTLEDESK_ALLOW_SIMULATORS", "true");
		settings.put("SETTLEDESK_BANK_SIMULATOR", "true");
		settings.put("SETTLEDESK_BANK_TRANSPORT", "folder");
		settings.put("SETTLEDESK_BANK_FOLDER", System.getProperty("java.io.tmpdir") + "/prod-bank-" + UUID.randomUUID());
		settings.put("SETTLEDESK_BANK_DEBTOR_NAME", "结算台");
		settings.put("SETTLEDESK_BANK_DEBTOR_ACCOUNT", "1001234509000012345");
		settings.put("SETTLEDESK_BANK_DEBTOR_BIC", "ICBKCNBJ");
		settings.put("SETTLEDESK_VERIFICATION_SIMULATOR", "true");
		settings.put("SETTLEDESK_VERIFICATION_URL", "http://127.0.0.1:${local.server.port}/sim/verification");
		settings.put("SETTLEDESK_VERIFICATION_API_KEY", "prod-test");
		settings.put("SETTLEDESK_VERIFICATION_SECRET", "prod-test-verification-secret");
		settings.put("PORT", "0");
		settings.put("SETTLEDESK_TERMINAL_HOST_PORT", "0");
		return settings;
	}

	private static ConfigurableApplicationContext start(Map<String, Object> settings) {
		return new SpringApplicationBuilder(SettleDeskApplication.class).profiles("prod").properties(settings).run();
	}
}
