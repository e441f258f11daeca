package com.settledesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

@IntegrationTest
class AuditChainIntegrationTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void logins_are_recorded_with_both_outcomes_and_the_client_ip() {
		String ghost = "audit-ghost-" + UUID.randomUUID().toString().substring(0, 6);
		api.post("/api/v1/auth/token", Map.of("username", ghost, "password", "wrong"), null);
		api.post("/api/v1/auth/token", Map.of("username", "agent1", "password", "Demo@2026"), null);

		var latest = auditLog.latest(50);
		assertThat(latest).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("LOGIN_FAILED");
			assertThat(e.actor()).isEqualTo(ghost);
			assertThat(e.clientIp()).isNotBlank();
		});
		assertThat(latest).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("LOGIN_SUCCEEDED");
			assertThat(e.actor()).isEqualTo("agent1");
		});
	}

	@Test
	void each_entry_carries_the_hash_of_the_one_before() {
		auditLog.record(AuditEvent.of("TEST_ACTION", "TEST", "1").by("tester").from("127.0.0.1"));
		auditLog.record(AuditEvent.of("TEST_ACTION", "TEST", "2").by("tester").from("127.0.0.1"));
		var latest = auditLog.latest(2);
		assertThat(latest.get(0).prevHash()).isEqualTo(latest.get(1).hash());
		assertThat(latest.get(0).seq()).isEqualTo(latest.get(1).seq() + 1);
	}

	@Test
	void the_chain_verifies_and_an_altered_row_breaks_it_at_that_entry() {
		auditLog.record(AuditEvent.of("TEST_TAMPER_TARGET", "TEST", "x").by("tester").after(Map.of("amountFen", 100)));
		AuditEntry target = auditLog.latest(1).get(0);
		auditLog.record(AuditEvent.of("TEST_AFTER_TARGET", "TEST", "y").by("tester"));
		assertThat(auditLog.verifyChain().intact()).isTrue();

		jdbc.sql("UPDATE audit_entry SET after_state = :forged WHERE seq = :seq")
			.param("forged", "{\"amountFen\":1}").param("seq", target.seq()).update();
		try {
			ChainVerification verification = auditLog.verifyChain();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(target.seq());
			assertThat(verification.problem()).isEqualTo("CONTENT_ALTERED");
		}
		finally {
			jdbc.sql("UPDATE audit_entry SET after_state = :original WHERE seq = :seq")
				.param("original", target.after()).param("seq", target.seq()).update();
		}
		assertThat(auditLog.verifyChain().intact()).isTrue();
	}

	@Test
	void a_deleted_entry_breaks_the_chain() {
		auditLog.record(AuditEvent.of("TEST_DELETE_TARGET", "TEST", "z").by("tester"));
		AuditEntry target = auditLog.latest(1).get(0);
		auditLog.record(AuditEvent.of("TEST_AFTER_DELETE", "TEST", "z").by("tester"));
		jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", target.seq()).update();
		try {
			ChainVerification verification = auditLog.verifyChain();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(target.seq());
		}
		finally {
			jdbc.sql("""
					INSERT INTO audit_entry (seq, occurred_at, actor, action, target_type, target_id, client_ip,
					    before_state, after_state, prev_hash, entry_hash, key_id)
					VALUES (:seq, :at, :actor, :action, :targetType, :targetId, :ip, :before, :after, :prev, :hash, :keyId)""")
				.param("seq", target.seq())
				.param("at", target.occurredAt().atOffset(ZoneOffset.UTC))
				.param("actor", target.actor()).param("action", target.action())
				.param("targetType", target.targetType()).param("targetId", target.targetId())
				.param("ip", target.clientIp()).param("before", target.before()).param("after", target.after())
				.param("prev", target.prevHash()).param("hash", target.hash()).param("keyId", target.keyId())
				.update();
		}
		assertThat(auditLog.verifyChain().intact()).isTrue();
	}

	@Test
	void anything_that_looks_like_a_card_number_is_masked_before_it_is_stored() {
		auditLog.record(AuditEvent.of("TEST_MASKING", "TEST", "m").by("tester")
			.after(Map.of("note", "card 6222024000123456788")));
		assertThat(auditLog.latest(1).get(0).after()).contains("622202*********6788").doesNotContain("6222024000123456788");
	}

	@Test
	void administrators_verify_the_chain_over_the_api() {
		var response = api.get("/api/v1/ops/audit/verification", api.token("admin"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("intact").asBoolean()).isTrue();
		assertThat(response.json().get("entriesChecked").asLong()).isPositive();
	}
}
