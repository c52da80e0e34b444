package dev.taskflow.tasks.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.PageController;
import dev.taskflow.tasks.Task;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's "Import &amp; export" page: download every task as JSON or CSV, and upload such a file to
 * add its tasks. A refused file comes back with one sentence per wrong row.
 */
@PageController
class TaskTransferPagesController {

	/** The same limit as {@code POST /api/import}. */
	static final DataSize MAX_FILE = DataSize.ofMegabytes(2);

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "Title"),
			Map.entry("description", "Description"), Map.entry("status", "Status"), Map.entry("priority", "Priority"),
			Map.entry("tags", "Tags"), Map.entry("due_at", "Due"), Map.entry("recurrence", "Repeat rule"),
			Map.entry("recurrence_from", "Repeat from"), Map.entry("reminders", "Reminders"), Map.entry("task", "The row"));

	/** What the page says of a file over {@link #MAX_FILE}, however far over. */
	static final String TOO_LARGE = "The file is larger than " + MAX_FILE.toMegabytes()
			+ " MB; split it and import the parts one after the other.";

	/** Rows listed on the page when a file is refused; the rest are counted. */
	private static final int ROWS_SHOWN = 50;

	private final TaskTransfer transfer;

	TaskTransferPagesController(TaskTransfer transfer) {
		this.transfer = transfer;
	}

	/** One refused row as the page says it: "Row 3 (“Buy milk”): Due at …". */
	record RowMessage(int row, String title, List<String> messages) {
	}

	@GetMapping("/account/data")
	String page(Model model) {
		return "tasks/data";
	}

	@GetMapping("/account/data/export")
	void export(CurrentUser user, @RequestParam(defaultValue = "json") String format, HttpServletResponse response)
			throws IOException {
		TaskTransfer.Format chosen;
		try {
			chosen = TaskTransfer.Format.parse(format);
		}
		catch (InvalidInput ex) {
			response.sendError(HttpStatus.NOT_FOUND.value());
			return;
		}
		TaskTransferApiController.write(transfer, user, chosen, response);
	}

	@PostMapping("/account/data/import")
	String importFile(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			return refused("Choose a file to import: a JSON or CSV export of TaskFlow.", model, response);
		}
		if (file.getSize() > MAX_FILE.toBytes()) {
			return refused(TOO_LARGE, model, response);
		}
		byte[] content = file.getBytes();
		try {
			List<Task> created = transfer.importFile(user, TaskTransfer.Format.sniff(content), content);
			redirect.addFlashAttribute("notice", created.size() == 1 ? "Imported 1 task."
					: "Imported " + created.size() + " tasks.");
			return "redirect:/account/data";
		}
		catch (InvalidInput ex) {
			return refused("This file cannot be imported: it " + ex.problems().get(0).message() + ".", model,
					response);
		}
		catch (TaskTransfer.RowsRejected ex) {
			model.addAttribute("rejected", ex.rows().stream().limit(ROWS_SHOWN).map(TaskTransferPagesController::message).toList());
			model.addAttribute("moreRejected", Math.max(0, ex.rows().size() - ROWS_SHOWN));
			return refused(ex.getMessage() + ". Fix these rows and import the file again:", model, response);
		}
	}

	/** "due_at", "is not a date" → "Due is not a date."; a part of a list keeps its place: "Reminders (reminders[1].at) …". */
	private static String sentence(String field, String message) {
		String name = field.split("[\\[.]")[0];
		String label = LABELS.getOrDefault(name, field);
		String text = (name.equals(field) ? label : label + " (" + field + ")") + " " + message;
		return text.matches(".*[.:!?]$") ? text : text + ".";
	}

	private static String refused(String problem, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("fileError", problem);
		return "tasks/data";
	}

	private static RowMessage message(TaskTransfer.RejectedRow row) {
		return new RowMessage(row.row(), row.title(), row.problems()
			.stream()
			.map(problem -> sentence(problem.field(), problem.message()))
			.toList());
	}
}
