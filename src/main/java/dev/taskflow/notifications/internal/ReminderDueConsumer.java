package dev.taskflow.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.eventing.EventBody;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.Outbox;
import dev.taskflow.eventing.OutgoingEvent;
import dev.taskflow.eventing.Topics;
import dev.taskflow.platform.Characters;
import dev.taskflow.platform.TraceContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@code reminder.due} into an inbox entry and a {@code notification.created} event. Runs in
 * the inbox transaction, so the notification, its outgoing event (outbox) and the record of having
 * handled the reminder commit together; the unique keys of {@code notifications} make a reminder
 * announced twice (under another event id) a no-op too.
 */
@Component
class ReminderDueConsumer implements EventConsumer {

	static final String SOURCE = "/taskflow/notifications";

	static final String TYPE = "notification.created";

	static final String SCHEMA_VERSION = "1.0";

	private static final int MAX_TITLE = 200;

	private final NotificationRepository notifications;

	private final Accounts accounts;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	ReminderDueConsumer(NotificationRepository notifications, Accounts accounts, Outbox outbox,
			ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.outbox = outbox;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** The body of {@code notification.created} (schemas/events/notification-created.schema.json). */
	record NotificationCreatedBody(UUID eventId, String eventType, String version, Instant timestamp, UUID userId,
			long notificationId, long taskId, String title, String message, Instant createdAt) {
	}

	@Override
	public String name() {
		return "notifications";
	}

	@Override
	public String role() {
		return "notifications";
	}

	@Override
	public Set<String> topics() {
		return Set.of(Topics.REMINDERS);
	}

	@Override
	public void handle(EventEnvelope event) {
		if (!"reminder.due".equals(event.type())) {
			throw new MalformedEvent("unknown reminder event type " + event.type());
		}
		EventBody body = event.body();
		UUID userId = body.requiredUuid("user_id");
		long taskId = body.requiredPositiveLong("task_id");
		Instant remindAt = body.requiredInstant("remind_at");
		String title = abbreviate(body.requiredText("title"));
		String dueAt = body.optionalText("due_at");
		// held until commit, so the notification commits before a deletion of the account (and goes with it) or
		// finds it gone: then nobody is left to tell
		if (!accounts.holdAccount(userId)) {
			return;
		}
		Instant now = clock.instant();
		String message;
		try {
			message = ReminderMessages.message(title, dueAt, now.isBefore(remindAt) ? remindAt : now,
					accounts.timeZoneOf(userId));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEvent("reminder.due body is invalid: " + ex.getMessage());
		}
		boolean inApp = accounts.notificationPreferencesOf(userId).inApp();
		notifications
			.insertOnce(new NotificationRepository.NewNotification(userId, taskId, event.id(), remindAt, title, message,
					now, inApp ? null : now))
			.ifPresent(notification -> announce(notification, event));
	}

	private void announce(Notification notification, EventEnvelope cause) {
		UUID eventId = UUID.nameUUIDFromBytes(("notification-created:" + cause.id()).getBytes());
		NotificationCreatedBody body = new NotificationCreatedBody(eventId, TYPE, SCHEMA_VERSION,
				notification.createdAt(), notification.userId(), notification.id(), notification.taskId(),
				notification.title(), notification.message(), notification.createdAt());
		EventEnvelope envelope = new EventEnvelope(eventId, SOURCE, TYPE, notification.createdAt(),
				String.valueOf(notification.id()), notification.userId().toString(),
				TraceContext.isValid(cause.traceparent()) ? cause.traceparent() : TraceContext.newTraceparent(),
				json.valueToTree(body));
		outbox.publish(OutgoingEvent.unordered(Topics.NOTIFICATIONS, envelope));
		events.publishEvent(new NotificationCreated(notification.id(), notification.userId(), notification.title(),
				notification.message()));
	}

	private static String abbreviate(String title) {
		return Characters.count(title) <= MAX_TITLE ? title : Characters.cut(title, MAX_TITLE - 1) + "…";
	}
}
