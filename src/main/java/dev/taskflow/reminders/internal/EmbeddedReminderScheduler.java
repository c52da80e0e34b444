package dev.taskflow.reminders.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.taskflow.eventing.Roles;
import dev.taskflow.platform.AfterCommit;
import dev.taskflow.platform.BackgroundWorker;
import dev.taskflow.tasks.ReminderClaims;
import dev.taskflow.tasks.TaskEvent;
import dev.taskflow.tasks.TaskSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fires reminders in embedded mode on one background thread: it fires what is due, then sleeps until
 * the next reminder is due, or at most {@code taskflow.reminders.sweep-interval}. A task change that
 * brings a reminder earlier than that wakes it once the change has committed. The first round at
 * start-up fires reminders missed while the service was down. Runs in processes with the
 * {@code reminders} role; several instances on one database share the work (claims are atomic).
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "embedded", matchIfMissing = true)
class EmbeddedReminderScheduler extends BackgroundWorker {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedReminderScheduler.class);

	/** The pause after a round in which some claim failed (say, the database was away). */
	private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

	private final ReminderFiring firing;

	private final ReminderClaims claims;

	private final Roles roles;

	private final RemindersProperties properties;

	private final Clock clock;

	/** When the thread means to wake up next; null while it is working (any change may matter then). */
	private volatile Instant plannedWakeUp;

	EmbeddedReminderScheduler(ReminderFiring firing, ReminderClaims claims, Roles roles,
			RemindersProperties properties, Clock clock) {
		super("reminder-scheduler");
		this.firing = firing;
		this.claims = claims;
		this.roles = roles;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A task change: if it sets a reminder earlier than the planned wake-up, wake up. Compared after
	 * commit, when a round that starts can see the change.
	 */
	@EventListener
	void on(TaskEvent event) {
		if (!isRunning()) {
			return;
		}
		event.task()
			.reminders()
			.stream()
			.filter(reminder -> !reminder.sent() && reminder.remindAt() != null)
			.map(TaskSnapshot.ReminderSnapshot::remindAt)
			.min(Instant::compareTo)
			.ifPresent(earliest -> AfterCommit.run(() -> wakeUpFor(earliest)));
	}

	private void wakeUpFor(Instant remindAt) {
		Instant planned = plannedWakeUp;
		if (planned == null || remindAt.isBefore(planned)) {
			wake();
		}
	}

	@Override
	protected boolean shouldRun() {
		if (!roles.runs(ReminderFiring.ROLE)) {
			log.info("Reminders are not fired in this process (TASKFLOW_ROLES has no 'reminders')");
			return false;
		}
		return true;
	}

	@Override
	protected void roundFailed(RuntimeException ex, Duration pause) {
		log.warn("Looking for due reminders failed; trying again shortly: {}", ex.toString());
		plannedWakeUp = clock.instant().plus(pause);
	}

	/** Fires what is due; returns how long to sleep. */
	@Override
	protected Duration round() {
		plannedWakeUp = null;
		ReminderFiring.Sweep sweep = firing.fireDue();
		Instant now = clock.instant();
		Instant sweepAt = now.plus(properties.sweepInterval());
		Instant next = claims.nextRemindAt().filter(at -> at.isBefore(sweepAt)).orElse(sweepAt);
		if (sweep.failed() > 0 && next.isBefore(now.plus(AFTER_FAILURE))) {
			next = now.plus(AFTER_FAILURE);
		}
		plannedWakeUp = next;
		Duration wait = Duration.between(now, next);
		return wait.isNegative() ? Duration.ZERO : wait;
	}
}
