package dev.taskflow.tasks.web;

import java.net.URI;
import java.util.List;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks")
class TaskApiController {

	private final TaskManagement tasks;

	TaskApiController(TaskManagement tasks) {
		this.tasks = tasks;
	}

	/** The request body shape, for the OpenAPI document only; bodies are read field by field. */
	@Schema(name = "TaskRequest")
	record TaskRequestDoc(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String title,
			@Schema(maxLength = 10_000) String description,
			@Schema(allowableValues = { "pending", "completed" }) String status,
			@Schema(allowableValues = { "none", "low", "medium", "high" }) String priority, List<String> tags,
			@Schema(description = "2026-12-01 (all day, in your time zone) or 2026-12-01T09:00:00+01:00") String dueAt,
			@Schema(description = "the version your change is based on; a stale one gets 409") Integer version) {
	}

	record TaskListResponse(List<TaskResponse> items, String nextCursor) {
	}

	@GetMapping
	@Operation(summary = "List, filter, search and sort your tasks (keyset paging)")
	@Parameters({
			@Parameter(name = "status", in = ParameterIn.QUERY, description = "pending, completed (comma-separated or repeated), or all"),
			@Parameter(name = "priority", in = ParameterIn.QUERY, description = "none, low, medium, high (several allowed)"),
			@Parameter(name = "tag", in = ParameterIn.QUERY, description = "tags (comma-separated or repeated)"),
			@Parameter(name = "tag_mode", in = ParameterIn.QUERY, description = "any (default) or all of the tags"),
			@Parameter(name = "due_from", in = ParameterIn.QUERY, description = "due on or after: a date or a date-time"),
			@Parameter(name = "due_to", in = ParameterIn.QUERY, description = "due on or before: a date or a date-time"),
			@Parameter(name = "overdue", in = ParameterIn.QUERY, description = "true: pending and past due; false: not overdue"),
			@Parameter(name = "no_due_date", in = ParameterIn.QUERY, description = "true: only undated tasks; false: only dated ones"),
			@Parameter(name = "q", in = ParameterIn.QUERY, description = "case-insensitive text in title, description or tags"),
			@Parameter(name = "sort", in = ParameterIn.QUERY, description = "due, priority, created, updated, title; leading - for descending; e.g. due,-priority (default -created)"),
			@Parameter(name = "limit", in = ParameterIn.QUERY, description = "page size, 1-200, default 50"),
			@Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next_cursor of the previous page") })
	ResponseEntity<TaskListResponse> list(CurrentUser user,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		TaskPage page = tasks.list(user, TaskListParameters.parse(params, user.timeZone()));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (page.nextCursor() != null) {
			response.header(HttpHeaders.LINK, "<" + TaskListParameters.nextPageLink(params, page.nextCursor())
					+ ">; rel=\"next\"");
		}
		return response.body(new TaskListResponse(page.items().stream().map(TaskResponse::of).toList(),
				page.nextCursor()));
	}

	@PostMapping
	@Operation(summary = "Create a task", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = TaskRequestDoc.class))))
	ResponseEntity<TaskResponse> create(CurrentUser user, @RequestBody JsonNode body) {
		Task task = tasks.create(user, TaskJsonReader.full(body, user.timeZone()).draft());
		return withEtag(ResponseEntity.created(URI.create("/api/tasks/" + task.id())), task);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one task (with ETag)")
	ResponseEntity<TaskResponse> get(CurrentUser user, @PathVariable long id) {
		return withEtag(ResponseEntity.ok(), tasks.get(user, id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a task (absent fields take their defaults)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = TaskRequestDoc.class))))
	ResponseEntity<TaskResponse> replace(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		TaskJsonReader.Parsed parsed = TaskJsonReader.full(body, user.timeZone());
		Integer expected = expectedVersion(user, id, ifMatch, parsed.version());
		return withEtag(ResponseEntity.ok(), tasks.replace(user, id, parsed.draft(), expected));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change some fields (JSON merge patch: absent = unchanged, null = cleared)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = TaskRequestDoc.class))))
	ResponseEntity<TaskResponse> patch(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Integer expected = expectedVersion(user, id, ifMatch, TaskJsonReader.version(body));
		Task task = tasks.change(user, id, current -> TaskJsonReader.patch(body, user.timeZone(), current).draft(),
				expected);
		return withEtag(ResponseEntity.ok(), task);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a task")
	ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		tasks.delete(user, id, expectedVersion(user, id, ifMatch, null));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Bring a deleted task back while it is in the trash (idempotent: a live task is returned as it is)")
	ResponseEntity<TaskResponse> restore(CurrentUser user, @PathVariable long id) {
		return withEtag(ResponseEntity.ok(), tasks.restore(user, id));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Mark a task completed (idempotent)")
	ResponseEntity<TaskResponse> complete(CurrentUser user, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withEtag(ResponseEntity.ok(), tasks.complete(user, id, expectedVersion(user, id, ifMatch, null)));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Mark a completed task pending again (idempotent)")
	ResponseEntity<TaskResponse> reopen(CurrentUser user, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withEtag(ResponseEntity.ok(), tasks.reopen(user, id, expectedVersion(user, id, ifMatch, null)));
	}

	/**
	 * The version the change is based on. A weak ETag matches no task, but a task that is not there (or not
	 * yours) is 404 whatever the precondition: RFC 9110 §13.2.1 has preconditions evaluated only for a request
	 * that would otherwise succeed.
	 */
	private Integer expectedVersion(CurrentUser user, long id, String ifMatch, Integer bodyVersion) {
		try {
			return IfMatch.expectedVersion(ifMatch, bodyVersion);
		}
		catch (IfMatch.WeakTag ex) {
			tasks.get(user, id);
			throw ex;
		}
	}

	private static ResponseEntity<TaskResponse> withEtag(ResponseEntity.BodyBuilder builder, Task task) {
		TaskResponse response = TaskResponse.of(task);
		return builder.eTag(response.etag()).body(response);
	}
}
