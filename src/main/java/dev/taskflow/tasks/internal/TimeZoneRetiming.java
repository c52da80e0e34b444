package dev.taskflow.tasks.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.taskflow.accounts.AccountTimeZoneChanged;
import dev.taskflow.platform.TraceContext;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskEvent;
import dev.taskflow.tasks.TaskSnapshot;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works an account's all-day tasks out again in its new time zone. A date without a time is read in the
 * account's zone, and what follows from it is stored when a task is written: the moment its day begins
 * and ends (list order, overdue) and the moment each relative reminder fires. Without this a reminder
 * "15 minutes before" 10 December stayed on the old zone's midnight and fired hours early or late.
 *
 * <p>A task whose reminders move is changed like any edit: a new version and a {@code task.updated}
 * event (its {@code changes} name the {@code time_zone}), so the reminder schedulers — the embedded one
 * and the Dapr jobs in another process — and open pages learn the new times. A reminder that fired
 * stays fired. Tasks whose only change is their place in the list, and tasks in the trash (whose restore
 * publishes their reminders anew), are updated in place without an event.
 */
@Component
class TimeZoneRetiming {

	private final TaskRepository tasks;

	private final ApplicationEventPublisher events;

	TimeZoneRetiming(TaskRepository tasks, ApplicationEventPublisher events) {
		this.tasks = tasks;
		this.events = events;
	}

	/**
	 * Runs in the transaction that changes the zone: the account and its tasks change together. That
	 * transaction holds the account's row before this reads its tasks, and every task write holds it
	 * while it works out times in the zone ({@code Accounts.holdTimeZone}), so the tasks found here are
	 * all there are: one written meanwhile waits for this change and is worked out in the new zone.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(AccountTimeZoneChanged changed) {
		Instant now = changed.changedAt().truncatedTo(ChronoUnit.MICROS);
		for (long id : tasks.findAllDayWithRelativeReminders(changed.userId())) {
			tasks.findForUpdate(changed.userId(), id).ifPresent(task -> retime(task, changed, now));
		}
		tasks.retimeAllDay(changed.userId(), changed.current());
	}

	private void retime(Task current, AccountTimeZoneChanged changed, Instant now) {
		ZoneId zone = changed.current();
		List<Reminder> reminders = current.remindersIn(zone);
		if (reminders.equals(current.reminders())) {
			return;
		}
		Task retimed = new Task(current.id(), current.ownerId(), current.title(), current.description(),
				current.status(), current.priority(), current.tags(), current.due(), current.recurrence(),
				current.series(), reminders, current.createdAt(), now, current.completedAt(), current.version() + 1);
		if (!tasks.retime(retimed, current.version(), zone)) {
			return; // cannot happen under the row lock; the sweep after this still moves its day
		}
		Task saved = TaskRepository.asStored(retimed);
		events.publishEvent(new TaskEvent.TaskUpdated(UUID.randomUUID(), now, saved.ownerId(), saved.id(),
				saved.version(), TaskSnapshot.of(saved),
				Map.of("time_zone", new TaskEvent.Change(changed.previous().getId(), zone.getId())),
				TraceContext.currentTraceparent()));
	}
}
