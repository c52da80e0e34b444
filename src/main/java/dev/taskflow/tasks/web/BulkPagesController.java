package dev.taskflow.tasks.web;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.PageController;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Tags;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskNotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list's bulk bar: one form POST with the selected task ids and an action, answered with a
 * redirect to the list and a notice whose Undo posts the inverse action back here. Works without
 * JavaScript (the row checkboxes belong to the bar's form through their {@code form} attribute).
 */
@PageController
@RequestMapping("/tasks/bulk")
class BulkPagesController {

	static final int MAX_SELECTED = 200;

	private final TaskManagement tasks;

	BulkPagesController(TaskManagement tasks) {
		this.tasks = tasks;
	}

	@PostMapping
	String apply(CurrentUser user, @RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) List<Long> ids, @RequestParam(defaultValue = "") String tag,
			@RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String due,
			@RequestParam(required = false) List<String> previous, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect) {
		String list = TaskListFilter.parse(back).url();
		BulkAction bulk = BulkAction.parse(action).orElse(null);
		List<Long> selected = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
		Problem problem = problem(bulk, selected, tag, priority, due, user);
		if (problem != null) {
			// an error next to the bar, not a notice: with the selection and everything typed kept
			redirect.addFlashAttribute("bulkError", problem.message());
			redirect.addFlashAttribute("bulkErrorField", problem.field());
			redirect.addFlashAttribute("bulkIds", selected);
			redirect.addFlashAttribute("bulkTag", tag);
			redirect.addFlashAttribute("bulkPriority", priority);
			redirect.addFlashAttribute("bulkDue", due);
			return "redirect:" + list;
		}
		BulkAction.Arguments args = new BulkAction.Arguments(BulkAction.normalizedTag(tag),
				Priority.parse(priority).orElse(null),
				due.isBlank() ? null : Due.parse(due, user.timeZone()).orElse(null),
				previous == null ? List.of() : previous);
		BulkAction.UndoCollector undo = new BulkAction.UndoCollector();
		int done = 0;
		int missing = 0;
		for (long id : selected) {
			try {
				bulk.apply(tasks, user, id, args, undo);
				done++;
			}
			catch (TaskNotFound ex) {
				missing++; // deleted meanwhile (another tab) or not this user's: the others still go ahead
			}
		}
		redirect.addFlashAttribute("notice", notice(bulk, done, missing));
		BulkAction inverse = bulk.inverse();
		if (inverse != null && (!undo.ids.isEmpty() || !undo.previous.isEmpty())) {
			redirect.addFlashAttribute("undoUrl", "/tasks/bulk?action=" + inverse.value()
					+ (inverse == BulkAction.UNTAG ? "&tag=" + args.tag() : ""));
			redirect.addFlashAttribute("undoIds", undo.previous.isEmpty() ? undo.ids : selected);
			redirect.addFlashAttribute("undoEntries", undo.previous);
		}
		return "redirect:" + list;
	}

	/** Why a request cannot run: a readable message, and the bar's field it is about ("" for none). */
	record Problem(String field, String message) {
	}

	/** A readable reason the request cannot run, or null. */
	private static Problem problem(BulkAction bulk, List<Long> selected, String tag, String priority, String due,
			CurrentUser user) {
		if (bulk == null) {
			return new Problem("", "Choose what to do with the selected tasks.");
		}
		if (selected.isEmpty()) {
			return new Problem("", "Select at least one task first.");
		}
		if (selected.size() > MAX_SELECTED) {
			return new Problem("", "Select at most " + MAX_SELECTED + " tasks at a time.");
		}
		if ((bulk == BulkAction.TAG || bulk == BulkAction.UNTAG)
				&& !BulkAction.normalizedTag(tag).matches("[" + Tags.CHARACTERS + "]{1," + Tags.MAX_LENGTH + "}")) {
			return new Problem("tag", "Enter a tag (letters, digits and - _ . / :, up to 40 characters).");
		}
		if (bulk == BulkAction.PRIORITY && Priority.parse(priority).isEmpty()) {
			return new Problem("priority", "Choose a priority: " + Priority.allowedValues() + ".");
		}
		if (bulk == BulkAction.RESCHEDULE && !due.isBlank() && Due.parse(due, user.timeZone()).isEmpty()) {
			return new Problem("due", "Enter the new due date as a date, e.g. 2026-12-01.");
		}
		return null;
	}

	private static String notice(BulkAction bulk, int done, int missing) {
		String text = bulk.verb() + " " + done + (done == 1 ? " task." : " tasks.");
		return missing == 0 ? text : text + " " + missing + (missing == 1 ? " was" : " were") + " no longer there.";
	}

	/** A value that cannot be a task id in the list, e.g. {@code ids=abc}: say so on the page. */
	@ExceptionHandler({ InvalidInput.class, org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class })
	void badRequest(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}
}
