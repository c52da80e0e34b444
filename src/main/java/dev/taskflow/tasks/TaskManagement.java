package dev.taskflow.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.TraceContext;
import dev.taskflow.recurrence.NextOccurrenceDue;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.tasks.internal.TaskListQuery;
import dev.taskflow.tasks.internal.TaskRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks module's façade: every command and query on a user's tasks. Every method is scoped to
 * its owner; another user's task id behaves exactly like a missing one. Every change publishes one
 * {@link TaskEvent} in its transaction (the outbox makes sure it leaves the process).
 */
@Service
public class TaskManagement {

	private final TaskRepository tasks;

	private final TaskListQuery listQuery;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskManagement(TaskRepository tasks, TaskListQuery listQuery, Accounts accounts, ApplicationEventPublisher events,
			Clock clock) {
		this.tasks = tasks;
		this.listQuery = listQuery;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Task create(CurrentUser owner, TaskDraft draft) {
		checkRules(draft, null, List.of());
		ZoneId zone = heldTimeZone(owner);
		checkSeriesEnd(draft, null, zone);
		return insert(owner.id(), zone, draft, id -> newSeries(id, draft), null);
	}

	/**
	 * The owner's time zone, held until the transaction ends (see {@link Accounts#holdTimeZone}). Every
	 * write that works out a task's day or reminders reads the zone here, first of all its locks: the
	 * zone in {@code owner} was read when the request was authenticated, and a zone change that commits
	 * while this write runs re-times only the tasks it can see, so a write in the old zone would keep
	 * reminders on the old zone's day for good.
	 * @throws ResourceNotFound if the account was deleted meanwhile
	 */
	private ZoneId heldTimeZone(CurrentUser owner) {
		return accounts.holdTimeZone(owner.id()).orElseThrow(() -> new ResourceNotFound("Account not found."));
	}

	/**
	 * Creates several tasks together (an import): each the way {@link #create} does, with its
	 * {@code task.created} event, and all of them or none. A recurring task that brings its place in a
	 * series keeps it (see {@link ImportedTask}), and an instance whose predecessor in the series comes
	 * before it in the file is linked to it as its next instance, as the completion that brought it had
	 * done: reopening the predecessor takes it back. A reminder the file says has fired, and whose time
	 * has passed, stays fired instead of firing again.
	 */
	@Transactional
	public List<Task> importAll(CurrentUser owner, List<ImportedTask> imported) {
		imported.forEach(task -> checkRules(task.draft(), null, List.of()));
		ZoneId zone = heldTimeZone(owner);
		Map<String, Long> seriesIds = new HashMap<>();
		Map<String, Long> idsByPlace = new HashMap<>();
		List<Task> created = new ArrayList<>();
		for (ImportedTask task : imported) {
			Long previous = task.previousKey() == null ? null : idsByPlace.remove(task.previousKey());
			Task inserted = insert(owner.id(), zone, task.draft(), id -> task.seriesFor(id, seriesIds), previous,
					fired(task, zone));
			if (task.key() != null) {
				idsByPlace.putIfAbsent(task.key(), inserted.id());
			}
			created.add(inserted);
		}
		return created;
	}

	/** The reminders of an imported task that fired before and whose time has passed: they stay fired. */
	private List<Reminder> fired(ImportedTask task, ZoneId zone) {
		Instant now = now();
		return task.fired()
			.stream()
			.map(spec -> new Reminder(spec.at(), spec.before(), spec.remindAt(task.draft().due(), zone), now,
					spec.snoozed()))
			.filter(reminder -> reminder.remindAt() != null && !reminder.remindAt().isAfter(now))
			.toList();
	}

	/** Creates several tasks together, each the way {@link #create} does, all of them or none. */
	@Transactional
	public List<Task> createAll(CurrentUser owner, List<TaskDraft> drafts) {
		return importAll(owner, drafts.stream().map(draft -> new ImportedTask(draft, null)).toList());
	}

	/** A task that repeats from the start is the first instance of its own series. */
	private static Series newSeries(long id, TaskDraft draft) {
		return draft.recurrence() == null ? null : Series.startingAt(id, draft.due());
	}

	@Transactional(readOnly = true)
	public Task get(CurrentUser owner, long id) {
		return tasks.find(owner.id(), id).orElseThrow(() -> new TaskNotFound(id));
	}

	@Transactional(readOnly = true)
	public TaskPage list(CurrentUser owner, TaskQuery query) {
		return listQuery.run(owner.id(), query, now());
	}

	/**
	 * The tasks the query matches whose title is exactly {@code title}, ignoring case: "delete pay" means
	 * the task called "Pay" however many "Pay rent …" tasks come before it in the list.
	 */
	@Transactional(readOnly = true)
	public TaskPage listTitled(CurrentUser owner, String title, TaskQuery query) {
		return listQuery.runTitled(owner.id(), title, query, now());
	}

	/**
	 * How many tasks the query matches in all, whatever its page size and cursor, counting no further
	 * than {@code upTo}: a menu that says "999+" need not read a hundred thousand rows on every page.
	 */
	@Transactional(readOnly = true)
	public long count(CurrentUser owner, TaskQuery query, int upTo) {
		return listQuery.count(owner.id(), query, now(), upTo);
	}

	/** Replaces the editable state (PUT). */
	@Transactional
	public Task replace(CurrentUser owner, long id, TaskDraft draft, Integer expectedVersion) {
		return change(owner, id, current -> draft, expectedVersion);
	}

	/**
	 * Applies a change to the current state under a row lock (PATCH and every single-field command).
	 * @param expectedVersion the version the client based its change on, or null to apply to whatever is current
	 */
	@Transactional
	public Task change(CurrentUser owner, long id, UnaryOperator<TaskDraft> change, Integer expectedVersion) {
		ZoneId zone = heldTimeZone(owner);
		Task current = tasks.findForUpdate(owner.id(), id).orElseThrow(() -> new TaskNotFound(id));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new StaleTaskVersion(current);
		}
		TaskDraft draft = change.apply(current.draft());
		boolean sameDraft = draft.equals(current.draft());
		// an unchanged task still gets its reminders put right if they were worked out in a zone the
		// account has left (tasks saved before a time-zone change re-timed them): same times, same firing state
		List<Reminder> reminders = sameDraft ? current.remindersIn(zone) : reminders(draft, current.reminders(), zone);
		if (sameDraft && reminders.equals(current.reminders())) {
			return current;
		}
		checkRules(draft, current.due(), current.reminders().stream().map(Reminder::spec).toList());
		checkSeriesEnd(draft, current.recurrence(), zone);
		Instant now = now();
		Instant completedAt = switch (draft.status()) {
			case COMPLETED -> current.isCompleted() ? current.completedAt() : now;
			case PENDING -> null;
		};
		Task changed = new Task(id, owner.id(), draft.title(), draft.description(), draft.status(), draft.priority(),
				draft.tags(), draft.due(), draft.recurrence(), series(current, draft),
				reminders, current.createdAt(), now, completedAt,
				current.version() + 1);
		if (!tasks.update(changed, current.version(), zone)) {
			throw new StaleTaskVersion(get(owner, id));
		}
		Task saved = TaskRepository.asStored(changed);
		events.publishEvent(TaskChanges.eventFor(current, saved, now));
		return saved;
	}

	@Transactional
	public Task complete(CurrentUser owner, long id, Integer expectedVersion) {
		return change(owner, id, draft -> draft.withStatus(TaskStatus.COMPLETED), expectedVersion);
	}

	/**
	 * Reopens a task. Reopening a recurring task undoes its completion, so the next instance that
	 * completion brought is taken back — unless the person has changed it since (or completed it), and
	 * then it stays. The row lock {@code change} takes orders this with the recurrence consumer, which
	 * only creates the next instance of a task that is still completed ({@link #on(NextOccurrenceDue)});
	 * completing the task again brings a next instance anew.
	 */
	@Transactional
	public Task reopen(CurrentUser owner, long id, Integer expectedVersion) {
		Task reopened = change(owner, id, draft -> draft.withStatus(TaskStatus.PENDING), expectedVersion);
		if (reopened.isRecurring()) {
			tasks.findNextInstance(id).flatMap(next -> tasks.findForUpdate(owner.id(), next)).ifPresent(this::takeBack);
		}
		return reopened;
	}

	/**
	 * Removes for good a next instance created by a completion that was undone, if nobody has changed it
	 * (TaskFlow's own re-timing after a time-zone change does not count).
	 */
	private void takeBack(Task next) {
		if (!tasks.removeUnedited(next.ownerId(), next.id(), next.version())) {
			return;
		}
		events.publishEvent(new TaskEvent.TaskDeleted(UUID.randomUUID(), now(), next.ownerId(), next.id(),
				next.version() + 1L, TaskSnapshot.of(next), Map.of(), TraceContext.currentTraceparent()));
	}

	@Transactional
	public void delete(CurrentUser owner, long id, Integer expectedVersion) {
		Task current = tasks.findForUpdate(owner.id(), id).orElseThrow(() -> new TaskNotFound(id));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new StaleTaskVersion(current);
		}
		Instant now = now();
		tasks.moveToTrash(owner.id(), id, current.version() + 1, now);
		events.publishEvent(new TaskEvent.TaskDeleted(UUID.randomUUID(), now, owner.id(), id, current.version() + 1L,
				TaskSnapshot.of(current), Map.of(), TraceContext.currentTraceparent()));
	}

	/**
	 * Brings a deleted task back, with its id, tags, reminders and series, while it is still in the
	 * trash (see {@code taskflow.tasks.deleted-retention}). Publishes {@code task.restored} with the
	 * next sequence number, so consumers that dropped the task on {@code task.deleted} pick it up again.
	 * Restoring a task that is not deleted (say, a second click on "Undo") returns it unchanged.
	 * @throws TaskNotFound if the user has no such task, live or in the trash (never existed or purged)
	 */
	@Transactional
	public Task restore(CurrentUser owner, long id) {
		Task deleted = tasks.findDeletedForUpdate(owner.id(), id).orElse(null);
		if (deleted == null) {
			return get(owner, id);
		}
		Instant now = now();
		tasks.restoreFromTrash(owner.id(), id, deleted.version() + 1, now);
		Task restored = get(owner, id);
		events.publishEvent(new TaskEvent.TaskRestored(UUID.randomUUID(), now, owner.id(), id, restored.version(),
				TaskSnapshot.of(restored), Map.of(), TraceContext.currentTraceparent()));
		return restored;
	}

	/**
	 * Creates the next instance of a completed recurring task: same title, description, priority,
	 * tags and reminders, the next due date, in the same series with the same anchor. Runs in the
	 * caller's transaction (the recurrence consumer's, with its inbox entry). At most one next instance
	 * per task, however often this is asked: an existing one is left as it is.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(NextOccurrenceDue next) {
		ZoneId zone = accounts.holdTimeZone(next.ownerId()).orElse(null);
		if (zone == null) {
			return; // the account was deleted since: nobody is left to repeat it for
		}
		if (tasks.findNextInstance(next.completedTaskId()).isPresent()) {
			return;
		}
		Task previous = tasks.findForUpdate(next.ownerId(), next.completedTaskId()).orElse(null);
		if (previous == null || previous.recurrence() == null) {
			return; // deleted or no longer recurring since it was completed: the series ends here
		}
		if (!previous.isCompleted()) {
			return; // reopened since: its completion was undone, and completing it again asks anew
		}
		Due due = next.date() != null ? Due.allDay(next.date()) : Due.at(next.dateTime());
		if (!due.sane()) {
			return; // past what TaskFlow takes and reads back (the year 9999): the series ends here
		}
		TaskDraft draft = new TaskDraft(previous.title(), previous.description(), TaskStatus.PENDING,
				previous.priority(), previous.tags(), due, previous.recurrence(),
				shiftedReminders(previous, due, zone));
		Series series = (previous.series() == null ? Series.startingAt(previous.id(), previous.due())
				: previous.series()).next();
		if (series.anchor() == null && previous.due() == null) {
			series = series.anchoredAt(due); // a series started without a due date counts from its first one
		}
		// a concurrent delivery may insert it first: the unique previous_task_id then fails this
		// transaction, the consumer retries and finds the instance above
		Series nextSeries = series;
		insert(next.ownerId(), zone, draft, id -> nextSeries, previous.id());
	}

	/**
	 * The series a changed task belongs to. A task that starts repeating starts a series anchored at
	 * its due. A new rule (or a new {@code recurrence_from}) counts from the task's due from now on;
	 * so does a moved due on the instance the schedule counts from (the first, as a rule), or on a
	 * series that had no due date yet. Moving another instance's due leaves the schedule as it is.
	 */
	private static Series series(Task current, TaskDraft draft) {
		Series series = current.series();
		if (draft.recurrence() == null) {
			return series;
		}
		if (series == null) {
			return Series.startingAt(current.id(), draft.due());
		}
		boolean newRule = !draft.recurrence().equals(current.recurrence());
		boolean anchorMoved = !Objects.equals(draft.due(), current.due())
				&& Objects.equals(series.anchor(), current.due() == null ? null : current.due().format());
		return newRule || anchorMoved ? series.anchoredAt(draft.due()) : series;
	}

	/** Inserts a task; {@code seriesFor} gives the series it belongs to once its id is known (null: none). */
	private Task insert(UUID ownerId, ZoneId zone, TaskDraft draft, LongFunction<Series> seriesFor,
			Long previousTaskId) {
		return insert(ownerId, zone, draft, seriesFor, previousTaskId, List.of());
	}

	/** {@code fired}: reminders that have fired already and stay so if the draft keeps them (see {@link #reminders}). */
	private Task insert(UUID ownerId, ZoneId zone, TaskDraft draft, LongFunction<Series> seriesFor,
			Long previousTaskId, List<Reminder> fired) {
		Instant now = now();
		Task unsaved = new Task(0, ownerId, draft.title(), draft.description(), draft.status(), draft.priority(),
				draft.tags(), draft.due(), draft.recurrence(), null, reminders(draft, fired, zone), now, now,
				draft.status() == TaskStatus.COMPLETED ? now : null, 1);
		long id = tasks.insert(unsaved, zone, previousTaskId);
		Series series = seriesFor.apply(id);
		if (series != null) {
			tasks.joinSeries(id, series);
		}
		Task created = TaskRepository.asStored(new Task(id, ownerId, unsaved.title(), unsaved.description(),
				unsaved.status(), unsaved.priority(), unsaved.tags(), unsaved.due(), unsaved.recurrence(), series,
				unsaved.reminders(), unsaved.createdAt(), unsaved.updatedAt(), unsaved.completedAt(), unsaved.version()));
		events.publishEvent(new TaskEvent.TaskCreated(UUID.randomUUID(), now, ownerId, created.id(), created.version(),
				TaskSnapshot.of(created), Map.of(), TraceContext.currentTraceparent()));
		return created;
	}

	/**
	 * The rules for the due date and reminders a person asks for; what the task already has is kept. A next
	 * instance copies its reminders unchecked.
	 */
	private static void checkRules(TaskDraft draft, Due keptDue, List<Reminder.Spec> keptReminders) {
		FieldErrors errors = new FieldErrors();
		Due.check(draft.due(), keptDue, "due", errors);
		Reminder.check(draft.reminders(), keptReminders, "reminders", errors);
		errors.throwIfAny();
	}

	/**
	 * A repeat rule a person sets must not end (UNTIL) before the task is due: such a series would end
	 * before it starts. A rule the task already has is {@code kept} as it is, so moving the due date
	 * of a series' last instance past its end stays possible.
	 */
	private static void checkSeriesEnd(TaskDraft draft, Recurrence kept, ZoneId zone) {
		if (draft.recurrence() == null || draft.due() == null || draft.recurrence().equals(kept)) {
			return;
		}
		LocalDate dueDay = LocalDate.ofInstant(draft.due().startsAt(zone), zone);
		draft.recurrence().lastDay().filter(last -> last.isBefore(dueDay)).ifPresent(last -> {
			throw InvalidInput.of("recurrence", "ends on " + last + " (UNTIL), before the task is due on " + dueDay);
		});
	}

	/**
	 * Works out when each reminder fires. A reminder that already fired stays fired as long as its
	 * time does not move; moving the due date moves relative reminders, which then fire again.
	 */
	private static List<Reminder> reminders(TaskDraft draft, List<Reminder> current, ZoneId zone) {
		List<Reminder> reminders = new ArrayList<>();
		for (Reminder.Spec spec : draft.reminders()) {
			Instant remindAt = spec.remindAt(draft.due(), zone);
			Instant sentAt = current.stream()
				.filter(r -> r.spec().equals(spec) && r.sent() && remindAt != null && remindAt.equals(r.remindAt()))
				.map(Reminder::sentAt)
				.findFirst()
				.orElse(null);
			reminders.add(new Reminder(spec.at(), spec.before(), remindAt, sentAt, spec.snoozed()));
		}
		return reminders;
	}

	/**
	 * Relative reminders carry over as they are; absolute ones move with the due date. Snoozes stay
	 * behind: they reminded again of the previous occurrence, not of the series.
	 */
	private static List<Reminder.Spec> shiftedReminders(Task previous, Due nextDue, ZoneId zone) {
		Duration shift = previous.due() == null ? null
				: Duration.between(previous.due().startsAt(zone), nextDue.startsAt(zone));
		return previous.reminders()
			.stream()
			.map(Reminder::spec)
			.filter(spec -> !spec.snoozed())
			.filter(spec -> spec.before() != null || shift != null)
			.map(spec -> spec.before() != null ? spec : new Reminder.Spec(spec.at().plus(shift), null))
			.toList();
	}

	/** Microseconds: what both databases store, so a saved timestamp reads back equal. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
