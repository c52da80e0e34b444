package dev.taskflow.audit.internal;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.eventing.EventBody;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.Topics;
import org.springframework.stereotype.Component;

/** Appends every task event to the audit log. Runs in the inbox transaction: at most once per event. */
@Component
class AuditConsumer implements EventConsumer {

	private static final Set<String> TYPES = Set.of("task.created", "task.updated", "task.completed", "task.reopened",
			"task.deleted", "task.restored");

	private final AuditRepository audit;

	private final Clock clock;

	private final Accounts accounts;

	AuditConsumer(AuditRepository audit, Clock clock, Accounts accounts) {
		this.audit = audit;
		this.clock = clock;
		this.accounts = accounts;
	}

	@Override
	public String name() {
		return "audit";
	}

	@Override
	public String role() {
		return "audit";
	}

	@Override
	public Set<String> topics() {
		return Set.of(Topics.TASK_EVENTS);
	}

	@Override
	public void handle(EventEnvelope event) {
		if (!TYPES.contains(event.type())) {
			throw new MalformedEvent("unknown task event type " + event.type());
		}
		EventBody body = event.body();
		UUID userId = body.requiredUuid("user_id");
		EventBody changes = body.optionalObject("changes");
		AuditEntry entry = new AuditEntry(0, event.id(), userId, body.requiredPositiveLong("task_id"),
				body.requiredPositiveLong("sequence"), event.type(), body.requiredInstant("timestamp"),
				body.requiredObject("task").requiredText("title"), changes == null ? null : changes.json());
		// held until commit, so the entry commits before a deletion of the account (and goes with it) or finds
		// the account gone: its history went with it and stays gone. Looking it up without holding it let an
		// entry commit just after the deletion.
		if (accounts.holdAccount(userId)) {
			audit.append(entry, clock.instant());
		}
	}
}
