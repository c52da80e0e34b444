package dev.taskflow.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.taskflow.platform.DatabaseProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * A transaction held open on a thread of its own, to state a race without sleeping: it does its work,
 * keeps its locks, and commits only when told. A test starts the writers it races meanwhile and calls
 * {@link #commitOnceEachIsDoneOrWaiting}: the database says which sessions wait for this transaction's
 * locks, so the writers are exactly as far as the race needs on every run, on H2 and PostgreSQL alike.
 */
public final class HeldTransaction implements AutoCloseable {

	private final CountDownLatch release = new CountDownLatch(1);

	private final CompletableFuture<Long> session = new CompletableFuture<>();

	private final CompletableFuture<Void> committed;

	private final JdbcClient jdbc;

	private final boolean postgres;

	private HeldTransaction(TransactionTemplate transactions, DataSource dataSource, Runnable work) {
		this.jdbc = JdbcClient.create(dataSource);
		this.postgres = "PostgreSQL".equals(DatabaseProduct.nameOf(dataSource));
		this.committed = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			work.run();
			session.complete(jdbc.sql(postgres ? "select pg_backend_pid()" : "select session_id()")
				.query(Long.class)
				.single());
			awaitRelease();
		}), holder -> new Thread(holder, "held-transaction").start());
		committed.whenComplete((done, failure) -> {
			if (failure != null) {
				session.completeExceptionally(failure);
			}
		});
	}

	/** Runs {@code work} in a transaction and returns once it has, with the transaction still open. */
	public static HeldTransaction start(TransactionTemplate transactions, DataSource dataSource, Runnable work) {
		HeldTransaction held = new HeldTransaction(transactions, dataSource, work);
		held.session.join();
		return held;
	}

	/**
	 * Commits once every writer has finished or waits for a lock this transaction holds, and returns when
	 * it has committed.
	 */
	public void commitOnceEachIsDoneOrWaiting(List<? extends Future<?>> writers) {
		await().pollInterval(Duration.ofMillis(10))
			.until(() -> writers.stream().filter(writer -> !writer.isDone()).count() <= waitingForThis());
		close();
	}

	private long waitingForThis() {
		String waiting = postgres ? "select count(*) from pg_stat_activity where cast(:held as integer) = any(pg_blocking_pids(pid))"
				: "select count(*) from information_schema.sessions where blocker_id = :held";
		return jdbc.sql(waiting).param("held", session.join()).query(Long.class).single();
	}

	@Override
	public void close() {
		release.countDown();
		committed.join();
	}

	private void awaitRelease() {
		try {
			release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while holding the transaction", ex);
		}
	}
}
