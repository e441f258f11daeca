package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import com.settledesk.shared.PipelinedWrites.Insert;

class PipelinedWritesUnitTests {

	@Test
	void an_insert_repeats_its_values_tuple_once_per_row_and_keeps_literals_and_the_conflict_clause() {
		Insert insert = Insert.of("INSERT INTO t (a, b, c) VALUES (?, lower(?), 'X') ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b");

		assertThat(insert.placeholders()).isEqualTo(2);
		assertThat(insert.forRows(3)).isEqualTo("INSERT INTO t (a, b, c) VALUES (?, lower(?), 'X'), (?, lower(?), 'X'), "
				+ "(?, lower(?), 'X') ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b");
		assertThat(insert.mayInsertFewer()).isFalse();
	}

	@Test
	void only_an_insert_that_does_nothing_on_conflict_may_write_fewer_rows_than_it_was_given() {
		assertThat(Insert.of("INSERT INTO t (a) VALUES (?) ON CONFLICT DO\n  NOTHING").mayInsertFewer()).isTrue();
		assertThat(Insert.of("INSERT INTO t (a) VALUES (?)").mayInsertFewer()).isFalse();
	}

	@Test
	void a_statement_without_a_values_tuple_of_parameters_cannot_be_held() {
		assertThatIllegalArgumentException().isThrownBy(() -> Insert.of("UPDATE t SET a = ? WHERE b = ?"));
		assertThatIllegalArgumentException().isThrownBy(() -> Insert.of("INSERT INTO t SELECT * FROM u"));
		assertThatIllegalArgumentException().isThrownBy(() -> Insert.of("INSERT INTO t (a) VALUES ('x')"));
		assertThatIllegalArgumentException().isThrownBy(() -> Insert.of("INSERT INTO t (a) VALUES (lower(?)"));
	}
}
