package com.settledesk.shared;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Statements of one transaction sent to the database together. On PostgreSQL each statement costs a network round trip,
 * and a group commit's transaction is mostly waiting for them: inside {@link #together} the inserts modules make
 * through {@link #insert} are held, each turned into one multi-row statement, and all of them sent as one composite
 * statement — one round trip — when the work returns, still inside its transaction (a failing row fails the
 * transaction as it would have failed alone). Each module still writes only its own tables with its own SQL. Outside
 * {@code together}, and on the embedded database where a statement costs no round trip, an insert runs at once.
 * <p>
 * Held rows are not visible to the work's own reads, so only inserts nothing in the same work reads back belong here.
 * A read whose answer is needed only after the work ({@link #readWithWrites}) goes out in the same round trip, after
 * the inserts; reads several modules make before the work can go on ({@link #later}) go out together when the first
 * answer is asked for.
 */
@Component
public class PipelinedWrites {

	/** PostgreSQL's protocol counts a statement's parameters in 16 bits; a chunk stays well below. */
	static final int MAX_PARAMETERS = 30_000;

	private static final ThreadLocal<List<Held>> HELD = new ThreadLocal<>();

	/** Reads registered inside {@link #together} whose answers nobody has asked for yet. */
	private static final ThreadLocal<List<Later<?>>> WAITING = new ThreadLocal<>();

	/** Parsed once: callers pass the same few constant statements with every group. */
	private static final Map<String, Insert> INSERTS = new ConcurrentHashMap<>();

	/** Named statements parsed once, for the same reason. */
	private static final Map<String, ParsedSql> PARSED = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private volatile Boolean pipelining;

	public PipelinedWrites(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
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
		WAITING.set(new ArrayList<>());
		R result;
		List<Runnable> answers;
		try {
			result = work.get();
			answers = send(held);
		}
		finally {
			HELD.remove();
			WAITING.remove();
		}
		// no longer holding: what a read's answer writes runs at once
		answers.forEach(Runnable::run);
		return result;
	}

	/** Whether the database is PostgreSQL, where inserts are held and {@code INSERT … ON CONFLICT DO UPDATE} exists. */
	public boolean postgres() {
		return pipelining();
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
		held.add(new Held(insert, rows, null));
	}

	/**
	 * Reads rows whose answer the work does not wait for: inside {@link #together} the read is sent after the held
	 * inserts, in their round trip, and {@code then} gets its rows before the transaction commits (it may write, at
	 * once); otherwise — and on the embedded database — the read runs and {@code then} is called at once. Lists in
	 * {@code params} expand as with {@link NamedParameterJdbcTemplate}.
	 */
	public <T> void readWithWrites(String namedSql, Map<String, ?> params, RowMapper<T> mapper,
			Consumer<List<T>> then) {
		List<Held> held = HELD.get();
		if (held == null) {
			then.accept(named.query(namedSql, params, mapper));
			return;
		}
		MapSqlParameterSource source = new MapSqlParameterSource(params);
		ParsedSql parsed = PARSED.computeIfAbsent(namedSql, NamedParameterUtils::parseSqlStatement);
		held.add(new Held(null, List.<Object[]> of(values(parsed, source)),
				new Read<>(NamedParameterUtils.substituteNamedParameters(parsed, source), mapper, then)));
	}

	/**
	 * A read answered when its answer is first asked for: inside {@link #together} the reads registered before that
	 * moment and not yet answered go to the database in one round trip (they see what the transaction wrote before,
	 * not its held inserts); otherwise it runs at once. For a caller that needs several modules' reads before it
	 * can go on. Lists in {@code params} expand as with {@link NamedParameterJdbcTemplate}.
	 */
	public <T> Later<T> later(String namedSql, Map<String, ?> params, ResultSetExtractor<T> extractor) {
		List<Later<?>> waiting = WAITING.get();
		if (waiting == null) {
			return Later.answered(named.query(namedSql, params, extractor));
		}
		MapSqlParameterSource source = new MapSqlParameterSource(params);
		ParsedSql parsed = PARSED.computeIfAbsent(namedSql, NamedParameterUtils::parseSqlStatement);
		Later<T> later = new Later<>(this, NamedParameterUtils.substituteNamedParameters(parsed, source),
				values(parsed, source), extractor, waiting);
		waiting.add(later);
		return later;
	}

	/** {@link #later} of the rows whose key is in {@code keys} (the SQL's {@code :keys}), each under its key. */
	public <K, V> Supplier<Map<K, V>> laterByKey(String namedSql, Collection<K> keys, RowMapper<V> mapper,
			Function<V, K> keyOf) {
		return later(namedSql, Map.of("keys", keys), rs -> {
			Map<K, V> found = new HashMap<>();
			for (int row = 0; rs.next(); row++) {
				V value = mapper.mapRow(rs, row);
				found.put(keyOf.apply(value), value);
			}
			return found;
		});
	}

	private static Object[] values(ParsedSql parsed, MapSqlParameterSource source) {
		List<Object> values = new ArrayList<>();
		for (Object value : NamedParameterUtils.buildValueArray(parsed, source, null)) {
			expand(value, values);
		}
		return values.toArray();
	}

	/** Sends the waiting reads together and answers each. */
	private void answer(List<Later<?>> waiting) {
		List<Later<?>> reads = List.copyOf(waiting);
		waiting.clear();
		if (reads.isEmpty()) {
			return;
		}
		jdbc.execute(String.join(";\n", reads.stream().map(Later::sql).toList()), (PreparedStatement ps) -> {
			int index = 1;
			for (Later<?> read : reads) {
				index = bind(ps, index, read.values());
			}
			ps.execute();
			for (Later<?> read : reads) {
				read.answer(ps.getResultSet());
				ps.getMoreResults();
			}
			return null;
		});
	}

	private static int bind(PreparedStatement ps, int from, Object[] row) throws SQLException {
		int index = from;
		for (Object value : row) {
			if (value == null) {
				ps.setNull(index++, Types.NULL);
			}
			else {
				StatementCreatorUtils.setParameterValue(ps, index++, SqlTypeValue.TYPE_UNKNOWN, value);
			}
		}
		return index;
	}

	/** A list parameter becomes its elements (an array element a tuple), as the substituted SQL expects. */
	private static void expand(Object value, List<Object> into) {
		if (value instanceof Iterable<?> elements) {
			for (Object element : elements) {
				if (element instanceof Object[] tuple) {
					into.addAll(Arrays.asList(tuple));
				}
				else {
					into.add(element);
				}
			}
		}
		else {
			into.add(value);
		}
	}

	/** {@link #insert} with named parameters. */
	public void insert(String namedSql, SqlParameterSource[] rows) {
		if (rows.length == 0) {
			return;
		}
		ParsedSql parsed = PARSED.computeIfAbsent(namedSql, NamedParameterUtils::parseSqlStatement);
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

	/** Sends the held statements; answers what is to be done with the reads' rows. */
	private List<Runnable> send(List<Held> held) {
		List<Runnable> answers = new ArrayList<>();
		if (held.isEmpty()) {
			return answers;
		}
		List<Chunk> chunks = new ArrayList<>();
		for (Held h : held.stream().filter(h -> h.read() == null).toList()) {
			int perChunk = Math.max(1, MAX_PARAMETERS / h.insert().placeholders());
			for (int from = 0; from < h.rows().size(); from += perChunk) {
				List<Object[]> chunk = h.rows().subList(from, Math.min(h.rows().size(), from + perChunk));
				chunks.add(new Chunk(h.insert().forRows(chunk.size()), chunk, h.insert().mayInsertFewer(), null));
			}
		}
		held.stream().filter(h -> h.read() != null)
			.forEach(h -> chunks.add(new Chunk(h.read().sql(), h.rows(), false, h.read())));
		String composite = String.join(";\n", chunks.stream().map(Chunk::sql).toList());
		jdbc.execute(composite, (PreparedStatement ps) -> {
			int index = 1;
			for (Chunk chunk : chunks) {
				for (Object[] row : chunk.rows()) {
					index = bind(ps, index, row);
				}
			}
			ps.execute();
			for (Chunk chunk : chunks) {
				if (chunk.read() != null) {
					answers.add(chunk.read().answer(ps.getResultSet()));
				}
				else {
					int count = ps.getUpdateCount();
					if (count != chunk.rows().size() && !(chunk.mayInsertFewer() && count >= 0)) {
						throw new JdbcUpdateAffectedIncorrectNumberOfRowsException(chunk.sql(), chunk.rows().size(), count);
					}
				}
				ps.getMoreResults();
			}
			return null;
		});
		return answers;
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

	/** Held rows of an insert, or a held read with its parameters as its one row. */
	private record Held(Insert insert, List<Object[]> rows, Read<?> read) {
	}

	/** A read sent with the inserts; its rows are mapped at once and handed over once the round trip is done. */
	private record Read<T>(String sql, RowMapper<T> mapper, Consumer<List<T>> then) {

		Runnable answer(ResultSet rows) throws SQLException {
			if (rows == null) {
				throw new IllegalStateException("A read sent with the writes answered no rows: " + sql);
			}
			List<T> mapped = new RowMapperResultSetExtractor<>(mapper).extractData(rows);
			return () -> then.accept(mapped);
		}
	}

	/**
	 * A read's answer; asking for it sends the reads registered with it that still wait. Asked for on the thread that
	 * registered it, inside its transaction.
	 */
	public static final class Later<T> implements Supplier<T> {

		private final PipelinedWrites writes;
		private final String sql;
		private final Object[] values;
		private final ResultSetExtractor<T> extractor;
		private final List<Later<?>> waitingWith;
		private T answer;
		private boolean answered;

		private Later(PipelinedWrites writes, String sql, Object[] values, ResultSetExtractor<T> extractor,
				List<Later<?>> waitingWith) {
			this.writes = writes;
			this.sql = sql;
			this.values = values;
			this.extractor = extractor;
			this.waitingWith = waitingWith;
		}

		static <T> Later<T> answered(T answer) {
			Later<T> later = new Later<>(null, null, null, null, null);
			later.answer = answer;
			later.answered = true;
			return later;
		}

		@Override
		public T get() {
			if (!answered) {
				writes.answer(waitingWith);
			}
			return answer;
		}

		private String sql() {
			return sql;
		}

		private Object[] values() {
			return values;
		}

		private void answer(ResultSet rows) throws SQLException {
			if (rows == null) {
				throw new IllegalStateException("A read sent together answered no rows: " + sql);
			}
			answer = extractor.extractData(rows);
			answered = true;
		}
	}

	/** One statement of the composite: a multi-row insert or a read. */
	private record Chunk(String sql, List<Object[]> rows, boolean mayInsertFewer, Read<?> read) {
	}
}
