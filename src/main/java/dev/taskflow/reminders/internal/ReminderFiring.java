package dev.taskflow.reminders.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.Outbox;
import dev.taskflow.eventing.OutgoingEvent;
import dev.taskflow.eventing.Topics;
import dev.taskflow.platform.TraceContext;
import dev.taskflow.tasks.ReminderClaims;
import dev.taskflow.tasks.ReminderClaims.ClaimedReminder;
import dev.taskflow.tasks.ReminderClaims.DueReminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fires reminders: claims one and, in the same transaction, publishes its {@code reminder.due}, so
 * the outbox sends the event exactly when the claim commits. The event id follows from the task,
 * position and time of the reminder, so even a reminder that somehow fired twice would carry one id
 * and consumers would drop the repeat.
 */
@Component
class ReminderFiring {

	static final String ROLE = "reminders";

	static final String SOURCE = "/taskflow/reminders";

	static final String TYPE = "reminder.due";

	static final String SCHEMA_VERSION = "1.0";

	/**
	 * How early a job callback may come by our clock and still fire: the Scheduler never calls early by
	 * its own clock, but clocks of machines differ a little.
	 */
	static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(2);

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(ReminderFiring.class);

	private final ReminderClaims claims;

	private final Outbox outbox;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ReminderFiring(ReminderClaims claims, Outbox outbox, JsonMapper json, Clock clock,
			TransactionTemplate transactions) {
		this.claims = claims;
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** The body of {@code reminder.due} (schemas/events/reminder-due.schema.json). */
	record ReminderDueBody(UUID eventId, String eventType, String version, Instant timestamp, UUID userId, long taskId,
			long reminderId, String title, String dueAt, Instant remindAt) {
	}

	/** What a sweep did: reminders fired here, and reminders that failed (set aside, see {@link #setAside}). */
	record Sweep(int fired, int failed) {
	}

	/** Fires every reminder that is due, each in a transaction of its own. */
	Sweep fireDue() {
		Instant now = now();
		int fired = 0;
		int failed = 0;
		while (true) {
			List<DueReminder> due = claims.due(now, BATCH);
			int firedNow = 0;
			int failedNow = 0;
			for (DueReminder reminder : due) {
				try {
					if (Boolean.TRUE.equals(transactions.execute(status -> publish(claims.claim(reminder, now), now)))) {
						firedNow++;
					}
				}
				catch (RuntimeException ex) {
					failedNow++;
					setAside(reminder, now, ex);
				}
			}
			fired += firedNow;
			failed += failedNow;
			if (due.size() < BATCH || firedNow + failedNow == 0) {
				return new Sweep(fired, failed);
			}
		}
	}

	/**
	 * A reminder that fails to fire would fail again on every sweep and, being the most overdue, stand
	 * in front of every other user's reminders: it is set aside (kept, with the reason) for the operator.
	 */
	private void setAside(DueReminder reminder, Instant now, RuntimeException failure) {
		try {
			claims.setAside(reminder, now, failure.toString());
			log.warn("Set aside the reminder at position {} of task {} (due {}): it could not be fired: {}",
					reminder.position(), reminder.taskId(), reminder.remindAt(), failure.toString());
		}
		catch (RuntimeException ex) {
			log.warn("Could not fire the reminder at position {} of task {} (due {}), nor set it aside; trying again"
					+ " later: {}", reminder.position(), reminder.taskId(), reminder.remindAt(), failure.toString());
		}
	}

	/**
	 * Fires the reminder a job names if it is still unsent, still set for that second, and due (allowing
	 * for {@link #CLOCK_TOLERANCE}). Joins the caller's transaction if there is one.
	 */
	boolean fire(ReminderJob job) {
		Instant now = now();
		Instant from = job.second();
		Instant dueBy = now.plus(CLOCK_TOLERANCE);
		Instant until = from.plusSeconds(1).isBefore(dueBy) ? from.plusSeconds(1) : dueBy;
		if (!until.isAfter(from)) {
			log.debug("Job {} came before its reminder is due; the sweep will fire it", job.name());
			return false;
		}
		return Boolean.TRUE.equals(transactions
			.execute(status -> publish(claims.claim(job.taskId(), job.position(), from, until, now), now)));
	}

	private boolean publish(Optional<ClaimedReminder> claimed, Instant now) {
		claimed.ifPresent(reminder -> {
			outbox.publish(OutgoingEvent.unordered(Topics.REMINDERS, envelope(reminder, now)));
			log.debug("Reminder at position {} of task {} (due {}) fired {} ms after its time", reminder.position(),
					reminder.taskId(), reminder.remindAt(), Duration.between(reminder.remindAt(), now).toMillis());
		});
		return claimed.isPresent();
	}

	private EventEnvelope envelope(ClaimedReminder reminder, Instant now) {
		UUID id = eventId(reminder);
		ReminderDueBody body = new ReminderDueBody(id, TYPE, SCHEMA_VERSION, now, reminder.ownerId(), reminder.taskId(),
				reminder.reminderId(), reminder.title(), reminder.dueAt(), reminder.remindAt());
		String task = String.valueOf(reminder.taskId());
		return new EventEnvelope(id, SOURCE, TYPE, now, task, task, TraceContext.currentTraceparent(),
				json.valueToTree(body));
	}

	private static UUID eventId(ClaimedReminder reminder) {
		return UUID.nameUUIDFromBytes(("reminder:" + reminder.taskId() + ":" + reminder.position() + ":"
				+ reminder.remindAt()).getBytes(StandardCharsets.UTF_8));
	}

	/** Microseconds: what both databases store. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
