package dev.taskflow.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.audit.internal.AuditEntry;
import dev.taskflow.audit.internal.AuditRepository;
import dev.taskflow.platform.DisplayTime;
import dev.taskflow.platform.PageController;
import dev.taskflow.tasks.ChangeWords;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskNotFound;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import tools.jackson.databind.JsonNode;

/**
 * A task's history for people: the edit page loads it with htmx; without JavaScript its link opens
 * it as a page of its own.
 */
@PageController
class AuditPagesController {

	private static final Map<String, String> VERBS = Map.of("task.created", "Created", "task.updated", "Changed",
			"task.completed", "Completed", "task.reopened", "Reopened", "task.deleted", "Deleted", "task.restored", "Restored");

	private final AuditRepository audit;

	private final TaskManagement tasks;

	private final Clock clock;

	AuditPagesController(AuditRepository audit, TaskManagement tasks, Clock clock) {
		this.audit = audit;
		this.tasks = tasks;
		this.clock = clock;
	}

	/** One line of the history: when, what happened, and which fields changed from what to what. */
	record HistoryLine(String when, String what, List<String> changes) {
	}

	@GetMapping("/tasks/{id}/history")
	String history(CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
		List<AuditEntry> entries = audit.history(user.id(), id);
		boolean taskExists = exists(user, id);
		if (entries.isEmpty() && !taskExists) {
			throw new TaskNotFound(id);
		}
		Instant now = clock.instant();
		model.addAttribute("taskId", id);
		// the history outlives its task: a deleted one has no page to go back to
		model.addAttribute("taskExists", taskExists);
		model.addAttribute("lines", entries.stream().map(entry -> line(entry, user.timeZone(), now)).toList());
		return htmx ? "audit/history :: history" : "audit/history";
	}

	private boolean exists(CurrentUser user, long id) {
		try {
			tasks.get(user, id);
			return true;
		}
		catch (TaskNotFound ex) {
			return false;
		}
	}

	private static HistoryLine line(AuditEntry entry, ZoneId zone, Instant now) {
		List<String> changes = entry.changes() == null ? List.of()
				: entry.changes().properties().stream()
					.map(change -> describe(change.getKey(), change.getValue(), zone, now))
					.toList();
		return new HistoryLine(DisplayTime.moment(entry.occurredAt(), zone, now),
				VERBS.getOrDefault(entry.eventType(), entry.eventType()), changes);
	}

	private static String describe(String field, JsonNode change, ZoneId zone, Instant now) {
		boolean moment = field.endsWith("_at");
		String name = (moment ? field.substring(0, field.length() - 3) : field).replace('_', ' ');
		return name + ": " + value(field, change.get("old"), moment, zone, now) + " → "
				+ value(field, change.get("new"), moment, zone, now);
	}

	private static String value(String field, JsonNode value, boolean moment, ZoneId zone, Instant now) {
		if (value == null || value.isNull()) {
			return "none";
		}
		if (value.isArray()) {
			// reminders read as the form and the rows say them, in the reader's zone
			return value.isEmpty() ? "none" : String.join(", ", value.values().stream()
				.map(JsonNode::asString)
				.map(item -> "reminders".equals(field) ? ChangeWords.reminder(item, zone, now) : item)
				.toList());
		}
		String text = value.asString();
		if ("recurrence".equals(field)) {
			return ChangeWords.recurrence(text); // the rule in words, as the task rows say it
		}
		if (!moment) {
			return text;
		}
		// dates and moments read like everywhere else, in the reader's zone, not as ISO text
		return Due.parse(text, zone)
			.map(due -> due.allDay() ? DisplayTime.day(due.date(), LocalDate.ofInstant(now, zone))
					: DisplayTime.moment(due.dateTime().toInstant(), zone, now))
			.orElse(text);
	}
}
