package dev.taskflow.assistant.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.DisplayTime;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.IsoDurations;
import dev.taskflow.platform.UserText;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.tasks.DateRange;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskPage;
import dev.taskflow.tasks.TaskPhraseParser;
import dev.taskflow.tasks.TaskQuery;
import dev.taskflow.tasks.TaskSort;
import dev.taskflow.tasks.TaskStatus;
import org.springframework.stereotype.Component;

/**
 * The five task tools every engine (offline, LLM, MCP) calls: {@code add_task}, {@code list_tasks},
 * {@code complete_task}, {@code delete_task}, {@code update_task}. They act only through
 * {@link TaskManagement} as the given user, so validation, ownership, events, audit and live updates
 * are those of the REST API. Dates arrive as text and are read by our own parser in the user's zone;
 * a date a model computed is never taken on trust.
 */
@Component
public class AssistantTools {

	public static final String ADD = "add_task";

	public static final String LIST = "list_tasks";

	public static final String COMPLETE = "complete_task";

	public static final String DELETE = "delete_task";

	public static final String UPDATE = "update_task";

	public static final List<String> NAMES = List.of(ADD, LIST, COMPLETE, DELETE, UPDATE);

	public static final int MAX_LIST = 50;

	/**
	 * "by Friday", "until Dec 9", "before next week": a deadline, not days. Everything open that is due
	 * by then is listed, overdue tasks included; "before" leaves the day itself out.
	 */
	private static final Pattern DEADLINE = Pattern
		.compile("^(by|until|till|up to|before|no later than)\\s+(.+)$", Pattern.CASE_INSENSITIVE);

	private final TaskManagement tasks;

	private final TaskPhraseParser parser;

	private final Clock clock;

	public AssistantTools(TaskManagement tasks, TaskPhraseParser parser, Clock clock) {
		this.tasks = tasks;
		this.parser = parser;
		this.clock = clock;
	}

	/** Whether a call deletes, completes or changes more than one task, and so needs a confirmation. */
	public static boolean isDestructive(ToolCall call) {
		return call.tool().equals(DELETE) || call.tool().equals(COMPLETE) || (call.tool().equals(UPDATE)
				&& "completed".equalsIgnoreCase(String.valueOf(call.arguments().get("status"))));
	}

	/** Runs a call; a user mistake (bad argument, unknown task) becomes a failed action, not an exception. */
	public ChatAction run(CurrentUser user, ToolCall call) {
		try {
			return switch (call.tool()) {
				case ADD -> add(user, call);
				case LIST -> list(user, call);
				case COMPLETE -> complete(user, call);
				case DELETE -> delete(user, call);
				case UPDATE -> update(user, call);
				default -> ChatAction.failed(call, "There is no tool called " + call.tool() + ".");
			};
		}
		catch (InvalidInput ex) {
			return ChatAction.failed(call, ex.problems()
				.stream()
				.map(p -> sentence(p.field(), p.message()))
				.collect(Collectors.joining(" ")));
		}
		catch (dev.taskflow.platform.ResourceNotFound | dev.taskflow.platform.Conflict ex) {
			return ChatAction.failed(call, ex.getMessage());
		}
	}

	/**
	 * A problem as a sentence for the person reading the reply: "The priority must be one of …", not
	 * "priority must be …"; a message that is a sentence already ("A reminder can be …") stays as it is.
	 */
	private static String sentence(String field, String message) {
		String text = Character.isUpperCase(message.charAt(0)) || message.charAt(0) == '\u201c' ? message
				: "The " + field.replace('_', ' ') + " " + message;
		return text.endsWith(".") ? text : text + ".";
	}

	/**
	 * What a call would do, in words, for the confirmation question ("delete #12 “Buy milk”", "move #12
	 * “Buy milk” to Friday", "make #12 “Buy milk” high priority").
	 */
	public String preview(CurrentUser user, ToolCall call) {
		String verb = switch (call.tool()) {
			case DELETE -> "delete";
			case COMPLETE -> "mark as done";
			default -> "change";
		};
		String change = "";
		if (call.tool().equals(UPDATE) && isDestructive(call)) {
			verb = "mark as done";
		}
		else if (call.tool().equals(UPDATE) && call.arguments().keySet().equals(Set.of("task_id", "due"))) {
			verb = "move";
			change = " to " + UserText.isolated(String.valueOf(call.arguments().get("due")));
		}
		else if (call.tool().equals(UPDATE) && call.arguments().keySet().equals(Set.of("task_id", "priority"))) {
			verb = "make";
			String priority = String.valueOf(call.arguments().get("priority"));
			change = priority.equalsIgnoreCase("none") ? " without priority" : " " + UserText.isolated(priority) + " priority";
		}
		Long id = taskIdOrNull(call);
		if (id == null) {
			return verb + " a task" + change;
		}
		try {
			return verb + " " + describe(tasks.get(user, id), user.timeZone(), clock.instant()) + change;
		}
		catch (dev.taskflow.platform.ResourceNotFound ex) {
			return verb + " task #" + id + change; // deleted since it was asked about: confirming says so
		}
	}

	/**
	 * A call that names a task the user does not have (none such, or someone else's: the two answer
	 * alike), as the failed action running it would give; empty if the task is there or none is named.
	 */
	public Optional<ChatAction> missingTask(CurrentUser user, ToolCall call) {
		Long id = taskIdOrNull(call);
		if (id == null) {
			return Optional.empty();
		}
		try {
			tasks.get(user, id);
			return Optional.empty();
		}
		catch (dev.taskflow.platform.ResourceNotFound ex) {
			return Optional.of(ChatAction.failed(call, ex.getMessage()));
		}
	}

	private static Long taskIdOrNull(ToolCall call) {
		try {
			return call.number("task_id");
		}
		catch (InvalidInput ex) {
			return null; // running the call reports it; a question only needs words
		}
	}

	private ChatAction add(CurrentUser user, ToolCall call) {
		FieldErrors errors = new FieldErrors();
		Due due = due(call.text("due"), user.timeZone(), errors);
		Priority priority = priority(call.text("priority"), errors);
		Recurrence recurrence = Recurrence.parse(call.text("recurrence"), call.text("recurrence_from"), "recurrence", "recurrence_from", errors)
			.orElse(null);
		List<Reminder.Spec> reminders = reminders(call.list("reminders"), user.timeZone(), errors);
		errors.throwIfAny();
		Task task = tasks.create(user, new TaskDraft(call.text("title"), call.text("description"), TaskStatus.PENDING,
				priority, call.list("tags"), due, recurrence, reminders));
		return ChatAction.done(call, "Added " + describe(task, user.timeZone(), clock.instant()) + repeatAndReminders(task, user.timeZone())
				+ ".", List.of(task.id()));
	}

	/** ", repeats every weekday, with a reminder 30 minutes before": what an "added" reply would otherwise hide. */
	private String repeatAndReminders(Task task, ZoneId zone) {
		StringBuilder text = new StringBuilder();
		if (task.recurrence() != null) {
			String sentence = task.recurrence().sentence();
			text.append(", repeats ").append(Character.toLowerCase(sentence.charAt(0))).append(sentence.substring(1));
		}
		List<String> reminders = task.reminders().stream().map(reminder -> reminder.before() == null
				? "at " + DisplayTime.inSentence(DisplayTime.moment(reminder.at(), zone, clock.instant()))
				: reminder.before().isZero() ? "at the due time" : Reminder.Lead.of(reminder.before()).words() + " before").toList();
		if (!reminders.isEmpty()) {
			text.append(reminders.size() == 1 ? ", with a reminder " : ", with reminders ").append(String.join(" and ", reminders));
		}
		return text.toString();
	}

	private ChatAction list(CurrentUser user, ToolCall call) {
		ZoneId zone = user.timeZone();
		FieldErrors errors = new FieldErrors();
		Set<TaskStatus> statuses = statuses(call.text("status"), errors);
		Priority priority = priority(call.text("priority"), errors);
		Matcher deadline = DEADLINE.matcher(call.text("due") == null ? "" : call.text("due").strip());
		boolean upTo = deadline.matches();
		DateRange dueRange = range(upTo ? deadline.group(2) : call.text("due"), "due", zone, errors);
		DateRange completedRange = range(call.text("completed"), "completed", zone, errors);
		// compared as a long: intValue() would make 4294967297 a limit of 1
		long askedLimit = call.number("limit") == null ? 20 : call.number("limit");
		if (askedLimit < 1 || askedLimit > MAX_LIST) {
			errors.add("limit", "must be between 1 and " + MAX_LIST);
		}
		int limit = (int) Math.max(1, Math.min(askedLimit, MAX_LIST));
		errors.throwIfAny();
		if (completedRange != null) {
			statuses = EnumSet.of(TaskStatus.COMPLETED);
		}
		// a list of done tasks shows the latest first: "show completed tasks" means the recent ones
		boolean latestFirst = completedRange != null || statuses.equals(EnumSet.of(TaskStatus.COMPLETED));
		TaskQuery query = new TaskQuery(statuses, priority == null ? Set.of() : Set.of(priority), call.list("tags"), false,
				dueRange == null || upTo ? null : startOf(dueRange.from(), zone),
				dueRange == null ? null
						: startOf(upTo && deadline.group(1).equalsIgnoreCase("before") ? dueRange.from() : dueRange.to().plusDays(1), zone),
				call.flag("overdue"), null,
				call.text("query"), latestFirst ? TaskSort.parse("-updated") : TaskSort.parse("due,-priority"),
				completedRange != null ? TaskQuery.MAX_LIMIT : limit, null);
		List<Task> matching = completedRange == null ? tasks.list(user, query).items()
				: completedIn(user, query, completedRange, zone);
		List<Task> found = matching.stream().limit(limit).toList();
		long more = completedRange == null ? (found.size() < limit ? 0 : tasks.count(user, query, Integer.MAX_VALUE) - limit)
				: matching.size() - found.size();
		String result = found.isEmpty() ? "No tasks match."
				: found.stream().map(task -> "- " + describe(task, zone, clock.instant())).collect(Collectors.joining("\n"))
						+ (more > 0 ? "\n\u2026 and " + more + " more. The task list shows them all; here I list at most " + limit
								+ "." : "");
		return ChatAction.done(call, result, found.stream().map(Task::id).toList());
	}

	/**
	 * The tasks completed on the given days, latest first, all of them so that they can be counted. The
	 * list has no filter for the completion time, so it is read page by page in the order of the last
	 * change, which is never before the completion: once a page reaches back before the first day, no
	 * later page can hold one.
	 */
	private List<Task> completedIn(CurrentUser user, TaskQuery query, DateRange days, ZoneId zone) {
		Instant from = startOf(days.from(), zone);
		List<Task> matching = new ArrayList<>();
		String cursor = null;
		do {
			TaskPage page = tasks.list(user, query.after(cursor));
			page.items()
				.stream()
				.filter(task -> task.completedAt() != null && days.contains(LocalDate.ofInstant(task.completedAt(), zone)))
				.forEach(matching::add);
			boolean reachedBack = page.items().isEmpty() || page.items().get(page.items().size() - 1).updatedAt().isBefore(from);
			cursor = reachedBack ? null : page.nextCursor();
		}
		while (cursor != null);
		return matching;
	}

	private ChatAction complete(CurrentUser user, ToolCall call) {
		Task task = tasks.complete(user, taskId(call), null);
		return ChatAction.done(call, "Completed " + describe(task, user.timeZone(), clock.instant()) + ".", List.of(task.id()));
	}

	private ChatAction delete(CurrentUser user, ToolCall call) {
		long id = taskId(call);
		Task task = tasks.get(user, id);
		tasks.delete(user, id, null);
		return ChatAction.done(call, "Deleted #" + id + " \u201c" + UserText.isolated(task.title()) + "\u201d.", List.of(id));
	}

	private ChatAction update(CurrentUser user, ToolCall call) {
		long id = taskId(call);
		ZoneId zone = user.timeZone();
		FieldErrors errors = new FieldErrors();
		String dueText = call.text("due");
		boolean clearDue = dueText != null && dueText.strip().equalsIgnoreCase("none");
		Due due = clearDue ? null : due(dueText, zone, errors);
		Priority priority = priority(call.text("priority"), errors);
		Set<TaskStatus> status = call.text("status") == null ? null : statuses(call.text("status"), errors);
		if (status != null && status.size() != 1) {
			errors.add("status", "must be pending or completed");
		}
		errors.throwIfAny();
		Task task = tasks.change(user, id, draft -> {
			TaskDraft changed = draft.withDetails(orElse(call.text("title"), draft.title()),
					orElse(call.text("description"), draft.description()),
					priority == null ? draft.priority() : priority,
					call.list("tags") == null ? draft.tags() : call.list("tags"),
					clearDue ? null : due == null ? draft.due() : moved(dueText, due, draft.due(), zone));
			return status == null ? changed : changed.withStatus(status.iterator().next());
		}, null);
		return ChatAction.done(call, "Updated " + describe(task, zone, clock.instant()) + ".", List.of(task.id()));
	}

	/**
	 * Moving a task changes what was said and keeps the rest. "Move the dentist to next Tuesday" names a
	 * day, not a new time: a task due at 9:00 stays at 9:00 (on the wall clock of the user's zone) rather
	 * than becoming an all-day task. "Move the report to 3pm" names a time, not a new day: the task stays
	 * on its day. A task without a due date has no day to keep, so it gets the next 3pm, as the phrase
	 * alone reads.
	 */
	private Due moved(String said, Due read, Due current, ZoneId zone) {
		if (current == null) {
			return read;
		}
		if (read.allDay()) {
			return keepingTimeOfDay(read, current, zone);
		}
		return keepingDay(said, current, zone).orElse(read);
	}

	private static Due keepingTimeOfDay(Due moved, Due current, ZoneId zone) {
		if (current.allDay()) {
			return moved;
		}
		java.time.LocalTime time = current.dateTime().atZoneSameInstant(zone).toLocalTime();
		return Due.at(moved.date().atTime(time).atZone(zone).toOffsetDateTime());
	}

	/**
	 * The phrase on the task's own day, when it names only a time: the parser reads "2026-12-10 3pm" as
	 * one moment, but a phrase that names a day as well ("tomorrow 3pm", "tonight", "in 2 hours") then
	 * says the day twice and is not a due date at all.
	 */
	private Optional<Due> keepingDay(String said, Due current, ZoneId zone) {
		LocalDate day = current.allDay() ? current.date() : current.dateTime().atZoneSameInstant(zone).toLocalDate();
		return parser.parseDue(day + " " + said.strip(), zone).filter(due -> !due.allDay());
	}

	private static long taskId(ToolCall call) {
		Long id = call.number("task_id");
		if (id == null) {
			throw InvalidInput.of("task_id", "is required");
		}
		return id;
	}

	private Due due(String text, ZoneId zone, FieldErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return parser.parseDue(text, zone).orElseGet(() -> {
			errors.add("due", "I can't read \u201c" + text + "\u201d as a date (try \u201ctomorrow 5pm\u201d or 2026-12-01)");
			return null;
		});
	}

	private DateRange range(String text, String field, ZoneId zone, FieldErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return parser.parseRange(text, zone).orElseGet(() -> {
			errors.add(field, "I can't tell which days \u201c" + text + "\u201d means (try today, this week, yesterday)");
			return null;
		});
	}

	private static Priority priority(String text, FieldErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return Priority.parse(text.strip().toLowerCase(Locale.ROOT)).orElseGet(() -> {
			errors.add("priority", "must be one of " + Priority.allowedValues());
			return null;
		});
	}

	private static Set<TaskStatus> statuses(String text, FieldErrors errors) {
		if (text == null || text.isBlank() || text.equalsIgnoreCase("all")) {
			return text == null ? EnumSet.of(TaskStatus.PENDING) : Set.of();
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "pending", "open" -> EnumSet.of(TaskStatus.PENDING);
			case "completed", "done" -> EnumSet.of(TaskStatus.COMPLETED);
			default -> {
				errors.add("status", "must be pending, completed or all");
				yield Set.of();
			}
		};
	}

	/** Reminders as ISO-8601 lead times before the due (PT30M) or moments our parser reads (tomorrow 8am). */
	private List<Reminder.Spec> reminders(List<String> texts, ZoneId zone, FieldErrors errors) {
		List<Reminder.Spec> reminders = new ArrayList<>();
		for (String text : texts == null ? List.<String>of() : texts) {
			if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
				try {
					java.time.Duration before = IsoDurations.parse(text);
					if (Reminder.leadOutOfRange(before)) {
						errors.add("reminders", "A reminder " + Reminder.LEAD_LIMIT_IN_WORDS + ", and not after it.");
						continue;
					}
					if (Reminder.leadProblem(before).isPresent()) {
						errors.add("reminders", "A reminder's lead time must be whole seconds, such as PT15M or PT30S.");
						continue;
					}
					reminders.add(new Reminder.Spec(null, before));
				}
				catch (java.time.format.DateTimeParseException ex) {
					errors.add("reminders", "\u201c" + text + "\u201d is not a reminder lead time I can read; write one such as PT30M.");
				}
				continue;
			}
			parser.parseDue(text, zone)
				.ifPresentOrElse(due -> reminders.add(new Reminder.Spec(due.startsAt(zone), null)),
						() -> errors.add("reminders", "I can't read \u201c" + text + "\u201d as a moment for a reminder."));
		}
		return reminders;
	}

	/** The days a list's {@code due} names, with a deadline's "by" or "before" left out. */
	static String daysOf(String due) {
		Matcher deadline = DEADLINE.matcher(due.strip());
		return deadline.matches() ? deadline.group(2) : due;
	}

	/** A task in words, with its due date as the task list writes it ("Tomorrow, 09:00", "Fri 4 Dec"). */
	static String describe(Task task, ZoneId zone, Instant now) {
		StringBuilder text = new StringBuilder("#").append(task.id()).append(" \u201c").append(UserText.isolated(task.title())).append('\u201d');
		if (task.due() != null) {
			text.append(" due ").append(DisplayTime.inSentence(task.due().allDay()
					? DisplayTime.day(task.due().date(), LocalDate.ofInstant(now, zone))
					: DisplayTime.moment(task.due().dateTime().toInstant(), zone, now)));
		}
		if (task.priority() != Priority.NONE) {
			text.append(", ").append(task.priority().value()).append(" priority");
		}
		if (!task.tags().isEmpty()) {
			text.append(", #").append(String.join(" #", task.tags()));
		}
		if (task.isCompleted()) {
			text.append(" (done)");
		}
		return text.toString();
	}

	private static Instant startOf(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}

	private static String orElse(String value, String fallback) {
		return value == null ? fallback : value;
	}
}
