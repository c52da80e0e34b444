package dev.taskflow.eventing;

import java.util.List;

/** The topics (docs/events.md). Dead letters go to {@code <topic>-dlq}. */
public final class Topics {

	public static final String TASK_EVENTS = "task-events";

	public static final String REMINDERS = "reminders";

	public static final String NOTIFICATIONS = "notifications";

	public static final String TASK_UPDATES = "task-updates";

	public static final List<String> ALL = List.of(TASK_EVENTS, REMINDERS, NOTIFICATIONS, TASK_UPDATES);

	private Topics() {
	}

	public static String deadLetterTopic(String topic) {
		return topic + "-dlq";
	}
}
