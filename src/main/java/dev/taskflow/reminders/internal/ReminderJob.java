package dev.taskflow.reminders.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dapr job that fires one reminder: {@code reminder-<task id>-<position>-<epoch second>}. The
 * name says everything the callback needs (what daprd hands back as the job's data differs between
 * versions), and a reminder that moved gets a new name, so a stale job finds nothing to fire.
 */
record ReminderJob(long taskId, int position, long epochSecond) {

	private static final Pattern NAME = Pattern.compile("reminder-(\\d{1,18})-(\\d{1,9})-(\\d{1,18})");

	static ReminderJob of(long taskId, int position, Instant remindAt) {
		return new ReminderJob(taskId, position, remindAt.getEpochSecond());
	}

	static Optional<ReminderJob> parse(String name) {
		Matcher matcher = NAME.matcher(name);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new ReminderJob(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				Long.parseLong(matcher.group(3))));
	}

	String name() {
		return "reminder-" + taskId + "-" + position + "-" + epochSecond;
	}

	/** The whole second the reminder is set in. */
	Instant second() {
		return Instant.ofEpochSecond(epochSecond);
	}

	/** For people reading the Scheduler's state; the callback goes by the name. */
	Map<String, Object> data(Instant remindAt) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("task_id", taskId);
		data.put("position", position);
		data.put("remind_at", remindAt.toString());
		return data;
	}
}
