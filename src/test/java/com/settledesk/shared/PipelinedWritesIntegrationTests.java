package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.testsupport.IntegrationTest;

@IntegrationTest
class PipelinedWritesIntegrationTests {

	private static final String PARENT = "INSERT INTO pipelined_parent (id, total) VALUES (?, ?)";
	private static final String CHILD = "INSERT INTO pipelined_child (id, parent_id, note) VALUES (?, ?, ?)";

	@Autowired
	PipelinedWrites writes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@BeforeEach
	void tables() {
		jdbc.sql("CREATE TABLE IF NOT EXISTS pipelined_parent (id INT PRIMARY KEY, total BIGINT NOT NULL)").update();
		jdbc.sql("""
				CREATE TABLE IF NOT EXISTS pipelined_child (id INT PRIMARY KEY,
				    parent_id INT NOT NULL REFERENCES pipelined_parent (id), note VARCHAR(20))""").update();
		jdbc.sql("DELETE FROM pipelined_child").update();
		jdbc.sql("DELETE FROM pipelined_parent").update();
	}

	@Test
	void held_inserts_are_written_in_the_order_they_were_made_and_only_when_the_work_returns_on_postgresql() {
		long seenInside = tx.execute(status -> writes.together(() -> {
			writes.insert(PARENT, List.of(new Object[] { 1, 10L }, new Object[] { 2, 20L }));
			writes.insert(CHILD, List.of(new Object[] { 1, 1, "a" }, new Object[] { 2, 2, null }));
			return count("pipelined_child");
		}));

		assertThat(seenInside).isEqualTo(postgres() ? 0 : 2);
		assertThat(count("pipelined_parent")).isEqualTo(2);
		assertThat(jdbc.sql("SELECT note FROM pipelined_child ORDER BY id").query(String.class).list())
			.containsExactly("a", null);
	}

	@Test
	void a_held_upsert_adds_to_the_row_it_finds_and_inserts_the_one_it_does_not() {
		jdbc.sql("INSERT INTO pipelined_parent (id, total) VALUES (1, 100)").update();

		tx.executeWithoutResult(status -> writes.together(() -> {
			if (writes.holding()) {
				writes.insert("""
						INSERT INTO pipelined_parent (id, total) VALUES (?, ?)
						ON CONFLICT (id) DO UPDATE SET total = pipelined_parent.total + EXCLUDED.total""",
						List.of(new Object[] { 1, 5L }, new Object[] { 2, 7L }));
			}
			else {
				jdbc.sql("UPDATE pipelined_parent SET total = total + 5 WHERE id = 1").update();
				jdbc.sql("INSERT INTO pipelined_parent (id, total) VALUES (2, 7)").update();
			}
			return null;
		}));

		assertThat(jdbc.sql("SELECT total FROM pipelined_parent ORDER BY id").query(Long.class).list())
			.containsExactly(105L, 7L);
	}

	@Test
	void a_held_row_that_breaks_a_unique_key_fails_the_whole_transaction_and_nothing_of_it_is_written() {
		jdbc.sql("INSERT INTO pipelined_parent (id, total) VALUES (2, 0)").update();

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> tx.execute(status -> writes.together(() -> {
			writes.insert(PARENT, List.<Object[]>of(new Object[] { 1, 10L }));
			writes.insert(CHILD, List.<Object[]>of(new Object[] { 1, 1, "a" }));
			writes.insert(PARENT, List.of(new Object[] { 3, 30L }, new Object[] { 2, 20L }));
			return null;
		})));

		assertThat(count("pipelined_parent")).isEqualTo(1);
		assertThat(count("pipelined_child")).isZero();
	}

	@Test
	void rows_beyond_what_one_statement_may_carry_are_split_and_all_written() {
		int rows = PipelinedWrites.MAX_PARAMETERS / 2 + 10;
		List<Object[]> parents = IntStream.range(0, rows).mapToObj(i -> new Object[] { i, (long) i })
			.toList();

		tx.executeWithoutResult(status -> writes.together(() -> {
			writes.insert(PARENT, parents);
			return null;
		}));

		assertThat(count("pipelined_parent")).isEqualTo(rows);
	}

	@Test
	void writes_are_sent_together_only_inside_a_transaction() {
		assertThatIllegalStateException()
			.isThrownBy(() -> writes.together(() -> null));
		assertThat(writes.holding()).isFalse();
	}

	@Test
	void reads_waiting_together_are_all_answered_when_the_first_is_asked_for_on_postgresql() {
		String parents = "SELECT COUNT(*) FROM pipelined_parent WHERE total >= :least";
		long[] seen = tx.execute(status -> writes.together(() -> {
			var first = writes.later(parents, Map.of("least", 0L), rs -> rs.next() ? rs.getLong(1) : -1);
			var second = writes.later(parents, Map.of("least", 0L), rs -> rs.next() ? rs.getLong(1) : -1);
			jdbc.sql("INSERT INTO pipelined_parent (id, total) VALUES (1, 10)").update();
			long a = first.get();
			jdbc.sql("INSERT INTO pipelined_parent (id, total) VALUES (2, 20)").update();
			return new long[] { a, second.get() };
		}));

		// On PostgreSQL both went out when the first was asked for; on H2 each ran when registered.
		assertThat(seen).containsExactly(postgres() ? 1 : 0, postgres() ? 1 : 0);
	}

	@Test
	void a_read_outside_together_is_answered_at_once_with_its_list_parameter_expanded() {
		jdbc.sql("INSERT INTO pipelined_parent (id, total) VALUES (1, 10), (2, 20), (3, 30)").update();

		var read = writes.later("SELECT id FROM pipelined_parent WHERE id IN (:ids) ORDER BY id",
				Map.of("ids", List.of(1, 3, 9)), rs -> {
					List<Integer> ids = new java.util.ArrayList<>();
					while (rs.next()) {
						ids.add(rs.getInt(1));
					}
					return ids;
				});
		jdbc.sql("DELETE FROM pipelined_parent").update();

		assertThat(read.get()).containsExactly(1, 3);
	}

	@Test
	void a_read_with_the_writes_is_sent_after_them_on_postgresql_and_what_its_answer_writes_is_not_lost() {
		List<Long> seen = new java.util.ArrayList<>();

		tx.executeWithoutResult(status -> writes.together(() -> {
			writes.insert(PARENT, List.<Object[]>of(new Object[] { 1, 10L }));
			writes.readWithWrites("SELECT COUNT(*) FROM pipelined_parent WHERE id IN (:ids)", Map.of("ids", List.of(1, 2)),
					(rs, row) -> rs.getLong(1), counts -> {
						seen.addAll(counts);
						writes.insert(CHILD, List.<Object[]>of(new Object[] { 1, 1, "after" }));
					});
			writes.insert(PARENT, List.<Object[]>of(new Object[] { 2, 20L }));
			return null;
		}));

		// On H2 the read ran when it was made, after the first insert only.
		assertThat(seen).containsExactly(postgres() ? 2L : 1L);
		assertThat(jdbc.sql("SELECT note FROM pipelined_child").query(String.class).list()).containsExactly("after");
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private boolean postgres() {
		return System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "").startsWith("jdbc:postgresql:");
	}
}
