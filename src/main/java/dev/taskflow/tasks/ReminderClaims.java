package dev.taskflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.tasks.internal.ReminderRepository;
import dev.taskflow.tasks.internal.TaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Firing reminders, for the reminders module: when the next one is due, which are due now, and
 * claiming one. A claim locks the task's row first (task edits hold that lock while they rewrite
 * the task's reminders), then marks the reminder sent only if nobody has yet: however many
 * schedulers race for a reminder, one claim wins. Only reminders of pending tasks fire; a completed
 * task's reminders stay unsent, a deleted task's are gone.
 */
@Service
public class ReminderClaims {

	/** A due reminder as stored now. Its id changes whenever the task is edited; its position does not. */
	public record DueReminder(long reminderId, long taskId, int position, Instant remindAt) {
	}

	/**
	 * A reminder this transaction has marked sent, with what its notification needs.
	 * @param dueAt the task's due date as in task JSON ({@code 2026-12-01} or a date-time with offset), or null
	 */
	public record ClaimedReminder(long reminderId, long taskId, UUID ownerId, String title, String dueAt,
			int position, Instant remindAt) {
	}

	private final ReminderRepository reminders;

	private final TaskRepository tasks;

	ReminderClaims(ReminderRepository reminders, TaskRepository tasks) {
		this.reminders = reminders;
		this.tasks = tasks;
	}

	/** When the earliest unsent reminder of a pending task is due; it may be past already. */
	@Transactional(readOnly = true)
	public Optional<Instant> nextRemindAt() {
		return reminders.earliestUnsent();
	}

	/** Unsent reminders of pending tasks due by {@code now}, the most overdue first. */
	@Transactional(readOnly = true)
	public List<DueReminder> due(Instant now, int limit) {
		return reminders.dueBy(now, limit)
			.stream()
			.map(row -> new DueReminder(row.id(), row.taskId(), row.position(), row.remindAt()))
			.toList();
	}

	/**
	 * Claims a reminder found by {@link #due}, if it is still unsent, still due and its task still
	 * pending. Runs in the caller's transaction, which should publish the reminder's event.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<ClaimedReminder> claim(DueReminder reminder, Instant now) {
		return reminders.lockPendingTask(reminder.taskId())
			.flatMap(owner -> reminders.unsent(reminder.taskId(), reminder.reminderId(), now)
				.flatMap(row -> markSent(owner, row, now)));
	}

	/**
	 * Claims the reminder at {@code position} of a task if it is unsent and set for a moment in
	 * [{@code from}, {@code until}), and the task is pending. Runs in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<ClaimedReminder> claim(long taskId, int position, Instant from, Instant until, Instant now) {
		return reminders.lockPendingTask(taskId)
			.flatMap(owner -> reminders.unsentAt(taskId, position, from, until)
				.flatMap(row -> markSent(owner, row, now)));
	}

	/**
	 * Sets aside a reminder that could not be fired, so that later sweeps pass over it rather than
	 * retry it ahead of everyone else's; the reason stays with it for the operator.
	 */
	@Transactional
	public boolean setAside(DueReminder reminder, Instant now, String failure) {
		return reminders.setAside(reminder.reminderId(), now, failure);
	}

	/** How many reminders are set aside. */
	@Transactional(readOnly = true)
	public long countSetAside() {
		return reminders.countSetAside();
	}

	private Optional<ClaimedReminder> markSent(UUID owner, ReminderRepository.Row row, Instant now) {
		if (!reminders.markSent(row.id(), now)) {
			return Optional.empty();
		}
		return tasks.find(owner, row.taskId())
			.map(task -> new ClaimedReminder(row.id(), task.id(), owner, task.title(),
					task.due() == null ? null : task.due().format(), row.position(), row.remindAt()));
	}
}
