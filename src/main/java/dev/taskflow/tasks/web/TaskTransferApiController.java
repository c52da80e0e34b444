package dev.taskflow.tasks.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.tasks.Task;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

	/**
	 * The body is optional to Spring so that an empty file gets the import's own message ("a CSV import starts
	 * with a header row") rather than the generic one about a missing JSON body. A CSV body is read in the
	 * charset its Content-Type names, UTF-8 when it names none.
	 */
	@PostMapping(path = "/api/import", consumes = { "application/json", "text/csv" })
	@Operation(summary = "Create tasks from an export file (JSON or CSV, by Content-Type)",
			description = "Every row is checked as POST /api/tasks checks a body; if any is wrong nothing is imported "
					+ "and the 400 problem lists each one as rows[N].field. At most 2000 tasks and 2 MB per file. "
					+ "CSV is read as UTF-8 unless the Content-Type names another charset (text/csv; charset=ISO-8859-1).")
	ImportResponse importTasks(CurrentUser user, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
			@RequestBody(required = false) byte[] body) {
		MediaType type = MediaType.parseMediaType(contentType);
		TaskTransfer.Format format = MediaType.valueOf(TaskTransfer.Format.CSV.mediaType).equalsTypeAndSubtype(type)
				? TaskTransfer.Format.CSV : TaskTransfer.Format.JSON;
		Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
		try {
			List<Task> created = transfer.importFile(user, format, body == null ? new byte[0] : body, charset);
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
