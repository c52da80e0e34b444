package dev.taskflow.tasks.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.PageController;
import dev.taskflow.platform.ProblemTypes;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Tags;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskNotFound;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list's bulk bar: one form POST with the selected task ids and an action, answered with a
 * redirect to the list and a notice whose Undo posts the inverse action back here. Works without
 * JavaScript (the row checkboxes belong to the bar's form through their {@code form} attribute); with it,
 * bulk.js sends the same form asking for JSON and updates the list in place.
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
		List<Long> selected = distinct(ids);
		Outcome outcome = run(user, action, selected, tag, priority, due, previous);
		if (outcome.refused() != null) {
			// an error next to the bar, not a notice: with the selection and everything typed kept
			redirect.addFlashAttribute("bulkError", outcome.refused().message());
			redirect.addFlashAttribute("bulkErrorField", outcome.refused().field());
			redirect.addFlashAttribute("bulkIds", selected);
			redirect.addFlashAttribute("bulkTag", tag);
			redirect.addFlashAttribute("bulkPriority", priority);
			redirect.addFlashAttribute("bulkDue", due);
			return "redirect:" + list;
		}
		redirect.addFlashAttribute("notice", outcome.message());
		Undo undo = outcome.undo();
		if (undo != null) {
			redirect.addFlashAttribute("undoUrl", "/tasks/bulk?action=" + undo.action()
					+ (undo.tag().isEmpty() ? "" : "&tag=" + undo.tag()));
			redirect.addFlashAttribute("undoIds", undo.ids());
			redirect.addFlashAttribute("undoEntries", undo.previous());
		}
		return "redirect:" + list;
	}

	/**
	 * The same form sent by the page's script ({@code Accept: application/json}), which updates the list in
	 * place: what was done and how to undo it, or why nothing was done as RFC 9457 problem details (422)
	 * with the bar's {@code field} it is about.
	 */
	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> applyInPlace(CurrentUser user, @RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) List<Long> ids, @RequestParam(defaultValue = "") String tag,
			@RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String due,
			@RequestParam(required = false) List<String> previous) {
		Outcome outcome = run(user, action, distinct(ids), tag, priority, due, previous);
		if (outcome.refused() != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					outcome.refused().message());
			problem.setType(ProblemTypes.VALIDATION);
			problem.setTitle("Nothing was done");
			problem.setProperty("field", outcome.refused().field());
			return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.ok(outcome);
	}

	/**
	 * What a bulk request did: a sentence saying so and what undoes it (null if nothing can), or why it
	 * was {@code refused} (then nothing was done).
	 */
	record Outcome(String message, Undo undo, @JsonIgnore Problem refused) {

		static Outcome refusedFor(Problem problem) {
			return new Outcome(problem.message(), null, problem);
		}
	}

	/** The bulk request that undoes one: its action, its tag (untag) and the tasks it is for. */
	record Undo(String action, String tag, List<Long> ids, List<String> previous) {
	}

	private Outcome run(CurrentUser user, String action, List<Long> selected, String tag, String priority, String due,
			List<String> previous) {
		BulkAction bulk = BulkAction.parse(action).orElse(null);
		Problem problem = problem(bulk, selected, tag, priority, due, user);
		if (problem != null) {
			return Outcome.refusedFor(problem);
		}
		BulkAction.Arguments args = new BulkAction.Arguments(BulkAction.normalizedTag(tag),
				Priority.parse(priority).orElse(null),
				due.isBlank() ? null : Due.parse(due, user.timeZone()).orElse(null),
				previous == null ? List.of() : previous);
		BulkAction.UndoCollector undo = new BulkAction.UndoCollector();
		int done = 0;
		int missing = 0;
		List<String> leftAsTheyWere = new ArrayList<>();
		for (long id : selected) {
			try {
				bulk.apply(tasks, user, id, args, undo);
				done++;
			}
			catch (TaskNotFound ex) {
				missing++; // deleted meanwhile (another tab) or not this user's: the others still go ahead
			}
			catch (InvalidInput ex) {
				// a rule of this task's own (a 21st tag): each task is its own change, so the ones before it
				// are done and stay done, and the notice says which were not, and why, instead of an error page
				leftAsTheyWere.add(ex.problems().isEmpty() ? ex.getMessage() : ex.problems().get(0).message());
			}
		}
		BulkAction inverse = bulk.inverse();
		Undo undone = inverse == null || (undo.ids.isEmpty() && undo.previous.isEmpty()) ? null
				: new Undo(inverse.value(), inverse == BulkAction.UNTAG ? args.tag() : "",
						undo.previous.isEmpty() ? List.copyOf(undo.ids) : selected, List.copyOf(undo.previous));
		return new Outcome(notice(bulk, done, missing, leftAsTheyWere), undone, null);
	}

	private static List<Long> distinct(List<Long> ids) {
		return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
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

	private static String notice(BulkAction bulk, int done, int missing, List<String> leftAsTheyWere) {
		String text = bulk.verb() + " " + done + (done == 1 ? " task." : " tasks.");
		if (missing > 0) {
			text += " " + missing + (missing == 1 ? " was" : " were") + " no longer there.";
		}
		if (!leftAsTheyWere.isEmpty()) {
			int left = leftAsTheyWere.size();
			text += " " + left + (left == 1 ? " was" : " were") + " left as " + (left == 1 ? "it was" : "they were")
					+ ": " + leftAsTheyWere.get(0) + ".";
		}
		return text;
	}

	/** A value that cannot be a task id in the list, e.g. {@code ids=abc}: say so on the page. */
	@ExceptionHandler({ InvalidInput.class, org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class })
	void badRequest(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}
}
