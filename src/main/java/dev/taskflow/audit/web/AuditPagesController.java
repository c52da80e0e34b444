package dev.taskflow.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.audit.internal.AuditEntry;
import dev.taskflow.audit.internal.AuditRepository;
import dev.taskflow.tasks.TaskManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import tools.jackson.databind.JsonNode;

/**
 * A task's history for people: the edit page loads it with htmx; without JavaScript its link opens
 * it as a page of its own.
 */
@Controller
class AuditPagesController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

	private static final Map<String, String> VERBS = Map.of("task.created", "Created", "task.updated", "Changed",
			"task.completed", "Completed", "task.reopened", "Reopened", "task.deleted", "Deleted", "task.restored", "Restored");

	private final AuditRepository audit;

	private final TaskManagement tasks;

	AuditPagesController(AuditRepository audit, TaskManagement tasks) {
		this.audit = audit;
		this.tasks = tasks;
	}

	/** One line of the history: when, what happened, and which fields changed from what to what. */
	record HistoryLine(String when, String what, List<String> changes) {
	}

	@GetMapping("/tasks/{id}/history")
	String history(CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
		List<AuditEntry> entries = audit.history(user.id(), id);
		if (entries.isEmpty()) {
			tasks.get(user, id);
		}
		model.addAttribute("taskId", id);
		model.addAttribute("lines", entries.stream().map(entry -> line(entry, user.timeZone())).toList());
		return htmx ? "audit/history :: history" : "audit/history";
	}

	private static HistoryLine line(AuditEntry entry, ZoneId zone) {
		List<String> changes = entry.changes() == null ? List.of()
				: entry.changes().properties().stream().map(change -> describe(change.getKey(), change.getValue())).toList();
		return new HistoryLine(entry.occurredAt().atZone(zone).format(WHEN),
				VERBS.getOrDefault(entry.eventType(), entry.eventType()), changes);
	}

	private static String describe(String field, JsonNode change) {
		return field.replace('_', ' ') + ": " + value(change.get("old")) + " → " + value(change.get("new"));
	}

	private static String value(JsonNode value) {
		if (value == null || value.isNull()) {
			return "none";
		}
		if (value.isArray()) {
			return value.isEmpty() ? "none" : String.join(", ", value.values().stream().map(JsonNode::asString).toList());
		}
		return value.asString();
	}
}
