package dev.taskflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.TraceContext;
import dev.taskflow.tasks.internal.TaskListQuery;
import dev.taskflow.tasks.internal.TaskRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
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

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskManagement(TaskRepository tasks, TaskListQuery listQuery, ApplicationEventPublisher events, Clock clock) {
		this.tasks = tasks;
		this.listQuery = listQuery;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Task create(CurrentUser owner, TaskDraft draft) {
		Instant now = now();
		Task unsaved = new Task(0, owner.id(), draft.title(), draft.description(), draft.status(), draft.priority(),
				draft.tags(), draft.due(), now, now, draft.status() == TaskStatus.COMPLETED ? now : null, 1);
		Task created = get(owner, tasks.insert(unsaved, owner.timeZone()));
		events.publishEvent(new TaskEvent.TaskCreated(UUID.randomUUID(), now, owner.id(), created.id(),
				created.version(), TaskSnapshot.of(created), Map.of(), TraceContext.currentTraceparent()));
		return created;
	}

	@Transactional(readOnly = true)
	public Task get(CurrentUser owner, long id) {
		return tasks.find(owner.id(), id).orElseThrow(() -> new TaskNotFound(id));
	}

	@Transactional(readOnly = true)
	public TaskPage list(CurrentUser owner, TaskQuery query) {
		return listQuery.run(owner.id(), query, now());
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
		Task current = tasks.findForUpdate(owner.id(), id).orElseThrow(() -> new TaskNotFound(id));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new StaleTaskVersion(current);
		}
		TaskDraft draft = change.apply(current.draft());
		if (draft.equals(current.draft())) {
			return current;
		}
		Instant now = now();
		Instant completedAt = switch (draft.status()) {
			case COMPLETED -> current.isCompleted() ? current.completedAt() : now;
			case PENDING -> null;
		};
		Task changed = new Task(id, owner.id(), draft.title(), draft.description(), draft.status(), draft.priority(),
				draft.tags(), draft.due(), current.createdAt(), now, completedAt, current.version() + 1);
		if (!tasks.update(changed, current.version(), owner.timeZone())) {
			throw new StaleTaskVersion(get(owner, id));
		}
		Task saved = get(owner, id);
		events.publishEvent(TaskChanges.eventFor(current, saved, now));
		return saved;
	}

	@Transactional
	public Task complete(CurrentUser owner, long id, Integer expectedVersion) {
		return change(owner, id, draft -> draft.withStatus(TaskStatus.COMPLETED), expectedVersion);
	}

	@Transactional
	public Task reopen(CurrentUser owner, long id, Integer expectedVersion) {
		return change(owner, id, draft -> draft.withStatus(TaskStatus.PENDING), expectedVersion);
	}

	@Transactional
	public void delete(CurrentUser owner, long id, Integer expectedVersion) {
		Task current = tasks.findForUpdate(owner.id(), id).orElseThrow(() -> new TaskNotFound(id));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new StaleTaskVersion(current);
		}
		tasks.delete(owner.id(), id);
		events.publishEvent(new TaskEvent.TaskDeleted(UUID.randomUUID(), now(), owner.id(), id, current.version() + 1L,
				TaskSnapshot.of(current), Map.of(), TraceContext.currentTraceparent()));
	}

	/** Microseconds: what both databases store, so a saved timestamp reads back equal. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
