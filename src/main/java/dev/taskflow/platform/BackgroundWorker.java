package dev.taskflow.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One daemon thread that works in rounds and sleeps between them until its next round is due or
 * someone {@linkplain #wake() wakes} it. Started and stopped with the application context; a failed
 * round is logged and retried after a short pause.
 *
 * Stopping is cooperative: the thread finishes the piece of work in hand (a round checks
 * {@link #stopping()} between pieces) and is interrupted only if it does not end within the grace
 * period. An interrupt in the middle of a JDBC call is not harmless: the embedded database closes its
 * file channel when its writer is interrupted, which fails every later commit of the process.
 */
public abstract class BackgroundWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);

	private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

	/** How long a stop waits for the piece of work in hand before interrupting it. */
	private static final Duration GRACE = Duration.ofSeconds(10);

	private final String name;

	private final Semaphore wakeUp = new Semaphore(0);

	private volatile Thread worker;

	protected BackgroundWorker(String name) {
		this.name = name;
	}

	/** Does one round of work; returns how long to sleep before the next one. */
	protected abstract Duration round();

	/** Whether this process should run the worker at all (its roles, say). */
	protected boolean shouldRun() {
		return true;
	}

	/** Called before sleeping after a failed round, with the pause that follows. */
	protected void roundFailed(RuntimeException ex, Duration pause) {
		log.warn("{} failed; trying again in {}: {}", name, pause, ex.toString());
	}

	/** Ends the current sleep early, so a round starts now. */
	public void wake() {
		wakeUp.release();
	}

	@Override
	public void start() {
		if (!shouldRun()) {
			return;
		}
		Thread thread = new Thread(this::run, name);
		thread.setDaemon(true);
		worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread running = worker;
		worker = null;
		if (running == null) {
			return;
		}
		wake();
		try {
			running.join(GRACE.toMillis());
			if (running.isAlive()) {
				log.warn("{} did not stop within {}; interrupting it", name, GRACE);
				running.interrupt();
				running.join(Duration.ofSeconds(1).toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether the application is stopping this worker: a long round should end after its current piece. */
	protected final boolean stopping() {
		return worker != Thread.currentThread();
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}

	private void run() {
		while (!stopping()) {
			Duration wait;
			try {
				wait = round();
			}
			catch (RuntimeException ex) {
				if (stopping()) {
					return; // the grace period ran out and the interrupt broke off whatever the round was doing
				}
				roundFailed(ex, AFTER_FAILURE);
				wait = AFTER_FAILURE;
			}
			try {
				if (!wait.isZero() && !wait.isNegative()) {
					wakeUp.tryAcquire((wait.toNanos() + 999_999) / 1_000_000, TimeUnit.MILLISECONDS);
				}
				wakeUp.drainPermits();
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}
}
