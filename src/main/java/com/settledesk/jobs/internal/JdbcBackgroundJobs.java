package com.settledesk.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.jobs.BackgroundJobs;
import com.settledesk.jobs.JobFailedException;
import com.settledesk.jobs.JobResult;
import com.settledesk.jobs.JobStatus;
import com.settledesk.jobs.JobView;
import com.settledesk.shared.Timestamps;

/**
 * Runs jobs on a small pool of its own, so long work never starves event listeners. Progress is written at
 * most every 200 ms in a transaction of its own (the work may hold a long one); running jobs beat a heart
 * every 20 s, and one whose heart stopped for two minutes — its instance died — is marked failed.
 */
@Service
class JdbcBackgroundJobs implements BackgroundJobs, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JdbcBackgroundJobs.class);
	private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);
	private static final Duration DEAD_AFTER = Duration.ofMinutes(2);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate ownTransaction;
	private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
	private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();

	JdbcBackgroundJobs(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		workers.setCorePoolSize(2);
		workers.setMaxPoolSize(2);
		workers.setThreadNamePrefix("job-");
		workers.initialize();
	}

	@Override
	public UUID start(String kind, String owner, Work work) {
		UUID id = UUID.randomUUID();
		OffsetDateTime now = Timestamps.toDb(clock.instant());
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO background_job (id, kind, owner, status, done, total, started_at, heartbeat_at)
				VALUES (:id, :kind, :owner, 'RUNNING', 0, 0, :now, :now)""")
			.param("id", id).param("kind", kind).param("owner", owner).param("now", now).update());
		runningHere.add(id);
		workers.execute(() -> run(id, work));
		return id;
	}

	@Override
	public Optional<JobView> find(UUID id, String owner) {
		return jdbc.sql("""
				SELECT id, kind, status, done, total, result_name, failure_code, failure_detail, started_at, finished_at
				FROM background_job WHERE id = :id AND owner = :owner""")
			.param("id", id).param("owner", owner).query(JdbcBackgroundJobs::view).optional();
	}

	@Override
	public Optional<JobResult> result(UUID id, String owner) {
		return jdbc.sql("""
				SELECT result_name, result_type, result FROM background_job
				WHERE id = :id AND owner = :owner AND status = 'DONE' AND result IS NOT NULL""")
			.param("id", id).param("owner", owner)
			.query((rs, row) -> new JobResult(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	@Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		OffsetDateTime now = Timestamps.toDb(clock.instant());
		for (UUID id : runningHere) {
			jdbc.sql("UPDATE background_job SET heartbeat_at = :now WHERE id = :id AND status = 'RUNNING'")
				.param("now", now).param("id", id).update();
		}
		int dead = jdbc.sql("""
				UPDATE background_job SET status = 'FAILED', failure_code = 'INTERRUPTED', finished_at = :now
				WHERE status = 'RUNNING' AND heartbeat_at < :deadline""")
			.param("now", now).param("deadline", Timestamps.toDb(clock.instant().minus(DEAD_AFTER))).update();
		if (dead > 0) {
			log.warn("{} background job(s) stopped with their instance and were marked failed", dead);
		}
	}

	@Override
	public void destroy() {
		workers.shutdown();
	}

	private void run(UUID id, Work work) {
		ThrottledProgress progress = new ThrottledProgress(id);
		try {
			JobResult result = work.run(progress);
			ownTransaction.executeWithoutResult(status -> jdbc.sql("""
					UPDATE background_job SET status = 'DONE', done = total, result_name = :name, result_type = :type,
					    result = :result, finished_at = :now WHERE id = :id""")
				.param("name", result.fileName()).param("type", result.contentType()).param("result", result.content())
				.param("now", Timestamps.toDb(clock.instant())).param("id", id).update());
		}
		catch (JobFailedException e) {
			fail(id, e.code(), e.detail());
		}
		catch (Exception e) {
			log.error("Background job {} failed", id, e);
			fail(id, "INTERNAL", null);
		}
		finally {
			runningHere.remove(id);
		}
	}

	private void fail(UUID id, String code, String detail) {
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				UPDATE background_job SET status = 'FAILED', failure_code = :code, failure_detail = :detail,
				    finished_at = :now WHERE id = :id""")
			.param("code", code).param("detail", detail).param("now", Timestamps.toDb(clock.instant())).param("id", id)
			.update());
	}

	private final class ThrottledProgress implements Progress {

		private final UUID id;
		private long total;
		private long lastWrite;

		ThrottledProgress(UUID id) {
			this.id = id;
		}

		@Override
		public void total(long total) {
			this.total = total;
			write(0, true);
		}

		@Override
		public void done(long done) {
			write(done, done >= total);
		}

		private void write(long done, boolean now) {
			long at = System.nanoTime();
			if (!now && at - lastWrite < PROGRESS_EVERY.toNanos()) {
				return;
			}
			lastWrite = at;
			ownTransaction.executeWithoutResult(status -> jdbc.sql("""
					UPDATE background_job SET done = :done, total = :total, heartbeat_at = :now WHERE id = :id""")
				.param("done", Math.min(done, total)).param("total", total)
				.param("now", Timestamps.toDb(clock.instant())).param("id", id).update());
		}
	}

	private static JobView view(ResultSet rs, int row) throws SQLException {
		return new JobView(rs.getObject("id", UUID.class), rs.getString("kind"), JobStatus.valueOf(rs.getString("status")),
				rs.getLong("done"), rs.getLong("total"), rs.getString("result_name"), rs.getString("failure_code"),
				rs.getString("failure_detail"), Timestamps.fromDb(rs.getObject("started_at", OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("finished_at", OffsetDateTime.class)));
	}
}
