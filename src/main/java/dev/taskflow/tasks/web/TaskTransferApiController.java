package dev.taskflow.tasks.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.tasks.Task;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/export} and {@code POST /api/import}: all of your tasks as a file, and back. */
@RestController
@Tag(name = "Export and import")
class TaskTransferApiController {

	private final TaskTransfer transfer;

	TaskTransferApiController(TaskTransfer transfer) {
		this.transfer = transfer;
	}

	record ImportResponse(int imported, List<Long> ids) {
	}

	@GetMapping("/api/export")
	@Operation(summary = "Download all your tasks (pending and completed, not the trash) as JSON or CSV",
			description = "format=json (default; the task representation of the API, inside {\"tasks\": [...]}) or "
					+ "format=csv (one row per task). Streamed in creation order.")
	void export(CurrentUser user, @RequestParam(defaultValue = "json") String format, HttpServletResponse response)
			throws IOException {
		write(transfer, user, TaskTransfer.Format.parse(format), response);
	}

	@PostMapping(path = "/api/import", consumes = { "application/json", "text/csv" })
	@Operation(summary = "Create tasks from an export file (JSON or CSV, by Content-Type)",
			description = "Every row is checked as POST /api/tasks checks a body; if any is wrong nothing is imported "
					+ "and the 400 problem lists each one as rows[N].field. At most 2000 tasks and 2 MB per file.")
	ImportResponse importTasks(CurrentUser user, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
			@RequestBody byte[] body) {
		TaskTransfer.Format format = contentType.toLowerCase(Locale.ROOT).startsWith("text/csv") ? TaskTransfer.Format.CSV
				: TaskTransfer.Format.JSON;
		try {
			List<Task> created = transfer.importFile(user, format, body);
			return new ImportResponse(created.size(), created.stream().map(Task::id).toList());
		}
		catch (TaskTransfer.RowsRejected ex) {
			throw ex.asInvalidInput();
		}
	}

	/** Streams an export as a download; shared with the account's data page. */
	static void write(TaskTransfer transfer, CurrentUser user, TaskTransfer.Format format,
			HttpServletResponse response) throws IOException {
		response.setContentType(format.mediaType + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(transfer.fileName(user, format)).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		transfer.export(user, format, response.getOutputStream());
	}
}
