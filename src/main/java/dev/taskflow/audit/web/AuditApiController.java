package dev.taskflow.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.audit.internal.AuditEntry;
import dev.taskflow.audit.internal.AuditRepository;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.tasks.TaskManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Audit")
class AuditApiController {

	private final AuditRepository audit;

	private final TaskManagement tasks;

	AuditApiController(AuditRepository audit, TaskManagement tasks) {
		this.audit = audit;
		this.tasks = tasks;
	}

	record AuditEntryResponse(long id, UUID eventId, String eventType, long taskId, long sequence, UUID userId,
			Instant occurredAt, String title, JsonNode changes) {

		static AuditEntryResponse of(AuditEntry entry) {
			return new AuditEntryResponse(entry.id(), entry.eventId(), entry.eventType(), entry.taskId(),
					entry.sequence(), entry.userId(), entry.occurredAt(), entry.title(), entry.changes());
		}
	}

	record AuditPage(List<AuditEntryResponse> items, String nextCursor) {
	}

	@GetMapping("/api/tasks/{id}/history")
	@Operation(summary = "Every change of a task, oldest first (kept after the task is deleted)")
	List<AuditEntryResponse> history(CurrentUser user, @PathVariable long id) {
		List<AuditEntry> history = audit.history(user.id(), id);
		if (history.isEmpty()) {
			tasks.get(user, id); // 404 for a task that is neither here nor in the history
		}
		return history.stream().map(AuditEntryResponse::of).toList();
	}

	@GetMapping("/api/audit")
	@Operation(summary = "Your recent task events, newest first (keyset paging with cursor)")
	AuditPage recent(CurrentUser user, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(required = false) String cursor) {
		if (limit < 1 || limit > 200) {
			throw InvalidInput.of("limit", "must be a whole number from 1 to 200");
		}
		AuditEntry after = null;
		if (cursor != null && !cursor.isBlank()) {
			try {
				after = audit.find(user.id(), Long.parseLong(cursor)).orElseThrow(NumberFormatException::new);
			}
			catch (NumberFormatException ex) {
				throw InvalidInput.of("cursor", "is not a cursor this API returned");
			}
		}
		List<AuditEntry> entries = audit.recent(user.id(), after, limit + 1);
		boolean more = entries.size() > limit;
		List<AuditEntry> page = more ? entries.subList(0, limit) : entries;
		return new AuditPage(page.stream().map(AuditEntryResponse::of).toList(),
				more ? String.valueOf(page.get(page.size() - 1).id()) : null);
	}
}
