package dev.taskflow.tasks.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.Characters;
import dev.taskflow.platform.DisplayTime;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.PageController;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.UserText;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.StaleTaskVersion;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskPage;
import dev.taskflow.tasks.TaskPhraseParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task pages: the list with its filters and quick-add field, and the edit form. Every action is a
 * plain form POST answered with a redirect to the list the user came from (its filter travels in the
 * {@code back} field), so everything works without JavaScript. An htmx request ({@code HX-Request}
 * header) gets the changed row instead, and the page updates in place.
 */
@PageController
@RequestMapping("/tasks")
class TaskPagesController {

	private static final String HTMX = "HX-Request";

	private static final String REMOVE_REMINDER = "remove-reminder-";

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "Title"),
			Map.entry("description", "Notes"), Map.entry("priority", "Priority"), Map.entry("tags", "Tags"),
			Map.entry("due", "Due"), Map.entry("reminders", "Reminders"), Map.entry("q", "Search"),
			Map.entry("tag", "Tag"), Map.entry("sort", "Sort"), Map.entry("status", "Status"),
			Map.entry("due_from", "Due from"), Map.entry("due_to", "Due until"));

	private final TaskManagement tasks;

	private final TaskPhraseParser parser;

	private final Clock clock;

	TaskPagesController(TaskManagement tasks, TaskPhraseParser parser, Clock clock) {
		this.tasks = tasks;
		this.parser = parser;
		this.clock = clock;
	}

	@GetMapping
	String list(CurrentUser user, HttpServletRequest request, Model model, HttpServletResponse response) {
		TaskListFilter filter = TaskListFilter.of(request::getParameter);
		String view = request.getParameter("view");
		if (!TaskListFilter.isView(view)) {
			return unknownView(view, filter, user, model, response);
		}
		return listPage(user, filter, model, response);
	}

	/**
	 * A view the list does not have ({@code ?view=yesterday}, a mistyped or outdated link) is a 400 saying
	 * so, with links to the views there are: showing the Inbox instead looked as if the link had worked.
	 * The name is cut and isolated, as it is whatever the URL held.
	 */
	private String unknownView(String view, TaskListFilter filter, CurrentUser user, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("filter", filter);
		model.addAttribute("timeZone", user.timeZone().getId());
		model.addAttribute("errors", Map.of());
		model.addAttribute("tasks", List.of());
		model.addAttribute("days", List.of());
		model.addAttribute("filterErrors",
				Map.of("view", "There is no view “" + UserText.isolated(Characters.cut(view.strip(), 60)) + "”."));
		return "tasks/list";
	}

	/**
	 * Quick add. htmx gets the list page in the answer itself rather than a redirect: the redirect's
	 * one-time "Added" notice would go to whichever request for the list came next, and a live refresh
	 * of the list fetching the page at that moment would take it.
	 */
	@PostMapping
	String add(CurrentUser user, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String back, @RequestHeader(name = HTMX, required = false) boolean htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		TaskListFilter filter = TaskListFilter.parse(back);
		TaskDraft draft = null;
		try {
			draft = QuickAdd.draft(parser.parse(title, user.timeZone()), filter,
					LocalDate.now(clock.withZone(user.timeZone())));
			Task task = tasks.create(user, draft);
			String notice = "Added “" + UserText.isolated(task.title()) + "”.";
			if (htmx) {
				model.addAttribute("notice", notice);
				return listPage(user, filter.firstPage(), model, response);
			}
			redirect.addFlashAttribute("notice", notice);
			return "redirect:" + filter.firstPage().url();
		}
		catch (InvalidInput ex) {
			model.addAttribute("newTitle", title);
			model.addAttribute("errors", quickAddMessages(ex, draft));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return listPage(user, filter, model, response);
		}
	}

	@PostMapping("/{id}/complete")
	String complete(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String back,
			@RequestHeader(name = HTMX, required = false) boolean htmx, Model model, RedirectAttributes redirect) {
		Task task = tasks.complete(user, id, null);
		String afterTitle = "." + nextDue(task, user.timeZone()).map(next -> " Next: " + next + ".").orElse("");
		String notice = "Completed “" + UserText.isolated(task.title()) + "”" + afterTitle;
		if (htmx) {
			model.addAttribute("afterTitle", afterTitle);
			model.addAttribute("task", row(task, user));
			model.addAttribute("filter", TaskListFilter.parse(back));
			return "tasks/undo :: completed";
		}
		redirect.addFlashAttribute("completedTaskId", id);
		return afterChange(user, task, notice, back, false, model, redirect);
	}

	/**
	 * Reopens a task (also the Undo of a completion). htmx gets its row again, unless it asked to
	 * refresh the whole list (the Undo toast): reopening a recurring task takes its next instance back.
	 */
	@PostMapping("/{id}/reopen")
	String reopen(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String back,
			@RequestHeader(name = HTMX, required = false) boolean htmx,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget, Model model,
			RedirectAttributes redirect) {
		Task task = tasks.reopen(user, id, null);
		boolean row = htmx && !"task-results".equals(htmxTarget);
		return afterChange(user, task, "Reopened “" + UserText.isolated(task.title()) + "”.", back, row, model, redirect);
	}

	/** When the instance after a completed recurring task is due, as rows write it: "Tue 2 Dec", "Tomorrow, 09:00". */
	private Optional<String> nextDue(Task task, ZoneId zone) {
		Instant now = clock.instant();
		return task.nextOccurrence(zone)
			.map(next -> next.isAllDay() ? DisplayTime.day(next.date(), LocalDate.ofInstant(now, zone))
					: DisplayTime.moment(next.dateTime().toInstant(), zone, now));
	}

	@PostMapping("/{id}/delete")
	String delete(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String back,
			@RequestHeader(name = HTMX, required = false) boolean htmx, Model model, RedirectAttributes redirect) {
		Task task = tasks.get(user, id);
		tasks.delete(user, id, null);
		if (htmx) {
			model.addAttribute("taskId", id);
			model.addAttribute("title", task.title());
			model.addAttribute("filter", TaskListFilter.parse(back));
			return "tasks/undo :: deleted";
		}
		redirect.addFlashAttribute("notice", "Deleted “" + UserText.isolated(task.title()) + "”.");
		redirect.addFlashAttribute("undoUrl", "/tasks/" + id + "/restore");
		return "redirect:" + TaskListFilter.parse(back).url();
	}

	/**
	 * The Undo of a deletion: the task comes back from the trash. htmx gets its row again, unless it
	 * asked to refresh the whole list (the Undo toast, {@code HX-Target: task-results}): that follows
	 * the redirect to the list.
	 */
	@PostMapping("/{id}/restore")
	String restore(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String back,
			@RequestHeader(name = HTMX, required = false) boolean htmx,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget, Model model,
			RedirectAttributes redirect) {
		Task task = tasks.restore(user, id);
		boolean row = htmx && !"task-results".equals(htmxTarget);
		return afterChange(user, task, "Restored “" + UserText.isolated(task.title()) + "”.", back, row, model, redirect);
	}

	@GetMapping("/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String back,
			@RequestHeader(name = HTMX, required = false) boolean htmx, Model model, HttpServletResponse response) {
		Task task = tasks.get(user, id);
		response.addHeader(HttpHeaders.VARY, HTMX);
		TaskForm form = TaskForm.of(task, user.timeZone());
		model.addAttribute("base", EditConflict.encode(form));
		return editForm(user, task.id(), form, Map.of(), back, htmx, model);
	}

	/** The row again, for an htmx "cancel" of the inline edit form. */
	@GetMapping("/{id}/row")
	String row(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String back, Model model) {
		model.addAttribute("task", row(tasks.get(user, id), user));
		model.addAttribute("filter", TaskListFilter.parse(back));
		return "tasks/fragments :: row";
	}

	/**
	 * Saves the edit form. A form opened before the task changed elsewhere (its version is stale) is
	 * compared field by field with the current state ({@link EditConflict}): if saving it would undo
	 * nothing done elsewhere it is saved; otherwise it comes back (409) showing each field changed
	 * elsewhere, theirs next to yours, to choose from ({@code resolve.<field>=theirs}).
	 */
	@PostMapping("/{id}")
	String save(CurrentUser user, @PathVariable long id, TaskForm form, @RequestParam(defaultValue = "") String back,
			@RequestParam(defaultValue = "") String base, @RequestParam(defaultValue = "") String formStep,
			@RequestHeader(name = HTMX, required = false) boolean htmx, HttpServletRequest request, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!formStep.isEmpty()) {
			return formStep(user, id, form, formStep, base, back, htmx, model);
		}
		try {
			TaskForm chosen = form;
			if (request.getParameterMap().keySet().stream().anyMatch(name -> name.startsWith(EditConflict.RESOLVE))) {
				chosen = EditConflict.resolve(form, TaskForm.of(tasks.get(user, id), user.timeZone()),
						field -> "theirs".equals(request.getParameter(EditConflict.RESOLVE + field)));
			}
			Task task;
			try {
				task = save(user, id, chosen, chosen.expectedVersion());
			}
			catch (StaleTaskVersion ex) {
				TaskForm theirs = TaskForm.of(ex.current(), user.timeZone());
				EditConflict conflict = EditConflict.between(EditConflict.decode(base), chosen, theirs);
				if (!conflict.revertsNothing()) {
					response.setStatus(HttpStatus.CONFLICT.value());
					model.addAttribute("conflict", conflict);
					model.addAttribute("base", EditConflict.encode(theirs));
					return editForm(user, id, chosen.withVersion(ex.current().version()), Map.of(), back, htmx, model);
				}
				task = save(user, id, chosen, ex.current().version());
			}
			return afterChange(user, task, "Saved “" + UserText.isolated(task.title()) + "”.", back, htmx, model, redirect);
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("base", base);
			return editForm(user, id, form, messages(ex, form.tagList()), back, htmx, model);
		}
		catch (StaleTaskVersion ex) {
			// changed again between the comparison and the save: compare afresh
			response.setStatus(HttpStatus.CONFLICT.value());
			TaskForm theirs = TaskForm.of(ex.current(), user.timeZone());
			model.addAttribute("conflict", EditConflict.between(EditConflict.decode(base), form, theirs));
			model.addAttribute("base", EditConflict.encode(theirs));
			return editForm(user, id, form.withVersion(ex.current().version()), Map.of(), back, htmx, model);
		}
	}

	private Task save(CurrentUser user, long id, TaskForm form, Integer expectedVersion) {
		return tasks.change(user, id, current -> form.applyTo(current, user.timeZone(), clock.instant()),
				expectedVersion);
	}

	/**
	 * The form's own buttons without JavaScript ({@code formStep}): another reminder row
	 * ({@code add-reminder}), a row removed ({@code remove-reminder-2}) or the repeat rule previewed
	 * ({@code preview}). Nothing is saved; the form comes back as typed, focus where the person is.
	 */
	private String formStep(CurrentUser user, long id, TaskForm form, String step, String base, String back,
			boolean htmx, Model model) {
		Task task = tasks.get(user, id); // someone else's task is not found before anything is shown
		model.addAttribute("base", base);
		Map<String, String> errors = Map.of();
		TaskForm next = form;
		if (step.equals("add-reminder")) {
			next = form.withAnotherReminder(form.snoozeRows(task, user.timeZone(), clock.instant()));
			model.addAttribute("focus", "reminder-" + (next.reminders().size() - 1));
		}
		else if (step.startsWith(REMOVE_REMINDER) && step.substring(REMOVE_REMINDER.length()).matches("\\d{1,2}")) {
			int index = Integer.parseInt(step.substring(REMOVE_REMINDER.length()));
			next = form.withoutReminder(index);
			model.addAttribute("focus", index < next.reminders().size() ? "reminder-" + index : "add-reminder");
		}
		else if (step.equals("preview")) {
			FieldErrors problems = new FieldErrors();
			if (form.repeatRule().given()) {
				form.repeatRule().recurrence(problems);
			}
			errors = messagesOf(problems);
			model.addAttribute("focus", "preview");
		}
		return editForm(user, id, next, errors, back, htmx, model);
	}

	/** Someone else's task and a missing one look the same; so does a task id that is not a number. */
	@ExceptionHandler({ ResourceNotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	private String listPage(CurrentUser user, TaskListFilter filter, Model model, HttpServletResponse response) {
		model.addAttribute("filter", filter);
		model.addAttribute("timeZone", user.timeZone().getId());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		try {
			LocalDate today = LocalDate.now(clock.withZone(user.timeZone()));
			TaskPage page = tasks.list(user,
					TaskListParameters.parse(filter.apiParameters(today), user.timeZone()));
			model.addAttribute("tasks", page.items().stream().map(task -> row(task, user)).toList());
			model.addAttribute("days", filter.upcoming() ? UpcomingDay.group(page.items(), user.timeZone(), today,
					TaskListFilter.UPCOMING_DAYS, task -> row(task, user)) : List.of());
			model.addAttribute("nextPage",
					page.nextCursor() == null ? null : filter.withCursor(page.nextCursor()).url());
			model.addAttribute("filterErrors", Map.of());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("tasks", List.of());
			model.addAttribute("days", List.of());
			model.addAttribute("filterErrors", messages(ex, List.of()));
		}
		return "tasks/list";
	}

	private String editForm(CurrentUser user, long id, TaskForm form, Map<String, String> errors, String back,
			boolean htmx, Model model) {
		Task task = tasks.get(user, id);
		Instant now = clock.instant();
		long snoozes = form.snoozeRows(task, user.timeZone(), now);
		TaskForm shown = form.withBlankReminder(snoozes);
		model.addAttribute("taskId", id);
		model.addAttribute("form", shown);
		model.addAttribute("shownReminders", shown.shownReminders(task, user.timeZone(), now));
		model.addAttribute("roomForReminder", shown.roomForReminder(snoozes));
		model.addAttribute("errors", errors);
		model.addAttribute("timeZone", user.timeZone().getId());
		model.addAttribute("filter", TaskListFilter.parse(back));
		model.addAttribute("nextDates", nextDates(user, form));
		return htmx ? "tasks/fragments :: editing" : "tasks/edit";
	}

	/**
	 * The repeat fieldset's sentence and next dates for the fields as they are now (htmx, on every
	 * change), before anything is saved; a bad combination shows its message.
	 */
	@PostMapping("/repeat-preview")
	String repeatPreview(CurrentUser user, TaskForm form, @RequestParam(defaultValue = "0") long taskId, Model model) {
		FieldErrors errors = new FieldErrors();
		if (form.repeatRule().given()) {
			form.repeatRule().recurrence(errors);
		}
		model.addAttribute("taskId", taskId);
		model.addAttribute("rule", form.repeatRule());
		model.addAttribute("nextDates", nextDates(user, form));
		model.addAttribute("errors", errors.isEmpty() ? Map.of() : messagesOf(errors));
		return "tasks/fragments :: repeat-preview";
	}

	private Map<String, String> messagesOf(FieldErrors errors) {
		try {
			errors.throwIfAny();
			return Map.of();
		}
		catch (InvalidInput ex) {
			return messages(ex, List.of());
		}
	}

	private List<String> nextDates(CurrentUser user, TaskForm form) {
		return form.repeatRule().nextDates(form.firstDate(LocalDate.now(clock.withZone(user.timeZone()))),
				user.timeZone());
	}

	private String afterChange(CurrentUser user, Task task, String notice, String back, boolean htmx, Model model,
			RedirectAttributes redirect) {
		if (htmx) {
			model.addAttribute("task", row(task, user));
			model.addAttribute("filter", TaskListFilter.parse(back));
			return "tasks/fragments :: row";
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + TaskListFilter.parse(back).url();
	}

	private TaskRow row(Task task, CurrentUser user) {
		return TaskRow.of(task, user.timeZone(), clock.instant());
	}

	/**
	 * One readable sentence per field, e.g. {@code title} → "Title is required."; a problem with one tag
	 * ({@code tags[1]}) names that tag, taken from {@code tags}.
	 */
	private static Map<String, String> messages(InvalidInput ex, List<String> tags) {
		Map<String, String> messages = new LinkedHashMap<>();
		for (InvalidInput.FieldProblem problem : ex.problems()) {
			String field = problem.field();
			int bracket = field.indexOf('[');
			String name = bracket < 0 ? field : field.substring(0, bracket);
			String subject = LABELS.getOrDefault(name, name);
			if (name.equals("recurrence")) {
				// shown under the Repeat fieldset
				name = "repeat";
				subject = "The repeat";
			}
			else if (name.equals("reminders") && bracket >= 0) {
				// shown next to its row
				name = field;
				subject = "This reminder";
			}
			else if (name.equals("tags") && bracket >= 0) {
				int index = Integer.parseInt(field.substring(bracket + 1, field.length() - 1));
				subject = index < tags.size() ? "“" + tags.get(index) + "”" : "A tag";
			}
			String message = name.equals("cursor") ? "This page link has expired; start again from the first page."
					: sentence(subject + " " + problem.message());
			messages.putIfAbsent(name, message);
		}
		return messages;
	}

	/**
	 * Why quick add refused a line, one sentence per field (all shown under the field): a lead time
	 * out of range is said as the edit form says it, not as the API's ISO durations.
	 */
	private static Map<String, String> quickAddMessages(InvalidInput ex, TaskDraft draft) {
		Map<String, String> messages = messages(ex, draft == null ? List.of() : draft.tags());
		if (draft != null && messages.containsKey("reminders") && draft.reminders()
			.stream()
			.anyMatch(reminder -> reminder.before() != null && Reminder.leadProblem(reminder.before()).isPresent())) {
			messages.put("reminders", "A reminder " + Reminder.LEAD_LIMIT_IN_WORDS + ".");
		}
		return messages;
	}

	/** Ends with a full stop unless the text already ends in punctuation (e.g. a list of allowed characters). */
	private static String sentence(String text) {
		return text.matches(".*[.:!?]$") ? text : text + ".";
	}
}
