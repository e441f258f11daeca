package com.settledesk.shared;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts of one transaction sent to the database together. On PostgreSQL each statement costs a network round trip,
 * and a group commit's transaction is mostly waiting for them: inside {@link #together} the inserts modules make
 * through {@link #insert} are held, each turned into one multi-row statement, and all of them sent as one composite
 * statement — one round trip — when the work returns, still inside its transaction (a failing row fails the
 * transaction as it would have failed alone). Each module still writes only its own tables with its own SQL. Outside
 * {@code together}, and on the embedded database where a statement costs no round trip, an insert runs at once.
 * <p>
 * Held rows are not visible to the work's own reads, so only inserts nothing in the same work reads back belong here.
 */
@Component
public class PipelinedWrites {

	/** PostgreSQL's protocol counts a statement's parameters in 16 bits; a chunk stays well below. */
	static final int MAX_PARAMETERS = 30_000;

	private static final ThreadLocal<List<Held>> HELD = new ThreadLocal<>();

	/** Parsed once: callers pass the same few constant statements with every group. */
	private static final Map<String, Insert> INSERTS = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;
	private volatile Boolean pipelining;

	public PipelinedWrites(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Runs the work, holding its inserts, then sends them in one round trip; the caller's transaction is required. */
	public <R> R together(Supplier<R> work) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Writes are sent together inside a transaction only");
		}
		if (HELD.get() != null || !pipelining()) {
			return work.get();
		}
		List<Held> held = new ArrayList<>();
		HELD.set(held);
		try {
			R result = work.get();
			send(held);
			return result;
		}
		finally {
			HELD.remove();
		}
	}

	/** Whether inserts are being held now (a caller may then choose a statement that needs no answer). */
	public boolean holding() {
		return HELD.get() != null;
	}

	/**
	 * Inserts rows with {@code INSERT … VALUES (?, …)} (an {@code ON CONFLICT …} clause may follow the tuple), at once
	 * or, inside {@link #together}, with the others.
	 */
	public void insert(String sql, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<Held> held = HELD.get();
		if (held == null) {
			jdbc.batchUpdate(sql, rows);
			return;
		}
		Insert insert = INSERTS.computeIfAbsent(sql, Insert::of);
		if (rows.stream().anyMatch(row -> row.length != insert.placeholders())) {
			throw new IllegalArgumentException("Every row needs " + insert.placeholders() + " values");
		}
		held.add(new Held(insert, rows));
	}

	/** {@link #insert} with named parameters. */
	public void insert(String namedSql, SqlParameterSource[] rows) {
		if (rows.length == 0) {
			return;
		}
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
		String sql = NamedParameterUtils.substituteNamedParameters(parsed, rows[0]);
		insert(sql, Arrays.stream(rows).map(row -> NamedParameterUtils.buildValueArray(parsed, row, null)).toList());
	}

	private boolean pipelining() {
		Boolean known = pipelining;
		if (known == null) {
			known = jdbc.execute((ConnectionCallback<Boolean>) connection -> isPostgres(connection.getMetaData()));
			pipelining = known;
		}
		return Boolean.TRUE.equals(known);
	}

	private static boolean isPostgres(DatabaseMetaData metaData) throws SQLException {
		return metaData.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
	}

	private void send(List<Held> held) {
		if (held.isEmpty()) {
			return;
		}
		List<Chunk> chunks = new ArrayList<>();
		for (Held h : held) {
			int perChunk = Math.max(1, MAX_PARAMETERS / h.insert().placeholders());
			for (int from = 0; from < h.rows().size(); from += perChunk) {
				List<Object[]> chunk = h.rows().subList(from, Math.min(h.rows().size(), from + perChunk));
				chunks.add(new Chunk(h.insert().forRows(chunk.size()), chunk, h.insert().mayInsertFewer()));
			}
		}
		String composite = String.join(";\n", chunks.stream().map(Chunk::sql).toList());
		jdbc.execute(composite, (PreparedStatement ps) -> {
			int index = 1;
			for (Chunk chunk : chunks) {
				for (Object[] row : chunk.rows()) {
					for (Object value : row) {
						if (value == null) {
							ps.setNull(index++, Types.NULL);
						}
						else {
							StatementCreatorUtils.setParameterValue(ps, index++, SqlTypeValue.TYPE_UNKNOWN, value);
						}
					}
				}
			}
			ps.execute();
			for (Chunk chunk : chunks) {
				int count = ps.getUpdateCount();
				if (count != chunk.rows().size() && !(chunk.mayInsertFewer() && count >= 0)) {
					throw new JdbcUpdateAffectedIncorrectNumberOfRowsException(chunk.sql(), chunk.rows().size(), count);
				}
				ps.getMoreResults();
			}
			return null;
		});
	}

	/** An insert statement whose one {@code VALUES} tuple is repeated for as many rows as are sent at once. */
	record Insert(String head, String tuple, String tail, int placeholders) {

		static Insert of(String sql) {
			int values = sql.toUpperCase(Locale.ROOT).lastIndexOf("VALUES");
			int open = values < 0 ? -1 : sql.indexOf('(', values);
			if (open < 0 || !sql.substring(values + "VALUES".length(), open).isBlank()) {
				throw new IllegalArgumentException("Not an INSERT … VALUES (…) statement");
			}
			int depth = 0;
			int close = -1;
			for (int i = open; i < sql.length() && close < 0; i++) {
				char c = sql.charAt(i);
				if (c == '(') {
					depth++;
				}
				else if (c == ')' && --depth == 0) {
					close = i;
				}
			}
			if (close < 0) {
				throw new IllegalArgumentException("The VALUES tuple is not closed");
			}
			String tuple = sql.substring(open, close + 1);
			int placeholders = (int) tuple.chars().filter(c -> c == '?').count();
			if (placeholders == 0) {
				throw new IllegalArgumentException("The VALUES tuple has no parameters");
			}
			return new Insert(sql.substring(0, open), tuple, sql.substring(close + 1), placeholders);
		}

		String forRows(int rows) {
			StringBuilder sql = new StringBuilder(head.length() + rows * (tuple.length() + 2) + tail.length());
			sql.append(head);
			for (int i = 0; i < rows; i++) {
				sql.append(i == 0 ? "" : ", ").append(tuple);
			}
			return sql.append(tail).toString();
		}

		/** {@code ON CONFLICT DO NOTHING} may leave rows out; every other insert writes each row or fails. */
		boolean mayInsertFewer() {
			return tail.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").contains("DO NOTHING");
		}
	}

	private record Held(Insert insert, List<Object[]> rows) {
	}

	/** One multi-row statement of the composite. */
	private record Chunk(String sql, List<Object[]> rows, boolean mayInsertFewer) {
	}
}
