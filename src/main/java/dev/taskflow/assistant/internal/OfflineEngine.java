package dev.taskflow.assistant.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.UserText;
import dev.taskflow.tasks.ParsedTask;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskPhraseParser;
import dev.taskflow.tasks.TaskQuery;
import dev.taskflow.tasks.TaskSort;
import dev.taskflow.tasks.TaskStatus;
import org.springframework.stereotype.Component;

/**
 * The engine that needs no key and no network: a few English intents on top of the quick-add parser.
 * It recognises what people say to a todo list ("add …", "remind me to …", "what's due this week?",
 * "show overdue work tasks", "mark buy milk as done", "move the dentist to next Tuesday", "delete the
 * groceries task", "make it high priority", "what did I finish yesterday?") and, when a phrase matches
 * several tasks, asks which one rather than guessing. "It", "that" and "the last one" mean the task the
 * assistant's previous reply touched, the only thing it reads of the conversation. Anything else gets a
 * short help text.
 */
@Component
public class OfflineEngine implements ChatEngine {

	static final Duration CHOICE_LIFETIME = Duration.ofMinutes(5);

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern REMIND = Pattern.compile("^remind me to\\s+(.+)$", FLAGS);

	/** "remind me in 2 hours to check the oven": the time first, then what to do. */
	private static final Pattern REMIND_WHEN = Pattern.compile("^remind me\\s+(.+?\\s+to\\s+.+)$", FLAGS);

	private static final Pattern TO = Pattern.compile("\\s+to\\s+", FLAGS);

	private static final Pattern ADD = Pattern
		.compile("^(?:add|create|new task:?|todo:?)\\s+(?:a\\s+)?(?:(?:new\\s+)?task\\s*(?::|to\\s+)?\\s*)?(.+)$", FLAGS);

	private static final Pattern FINISHED = Pattern
		.compile("^what (?:did|have) i (?:finished|finish|completed|complete|get done|done|do)(?:\\s+(.*))?$", FLAGS);

	private static final Pattern DUE = Pattern.compile(
			"^(?:what(?:'s|\u2019s|s| is| are)?|show(?: me)?|list)\\s+(?:my\\s+)?(?:tasks\\s+|todos\\s+)?(?:is\\s+|are\\s+)?due\\s+(.+)$",
			FLAGS);

	private static final Pattern AGENDA = Pattern
		.compile("^what do i have(?: to do)?\\s+(.+)$", FLAGS);

	private static final Pattern OVERDUE = Pattern.compile(
			"^(?:(?:show|list)(?: me)?|what(?:'s|\u2019s|s| is| are))\\s+(?:my\\s+)?(?:all\\s+)?overdue(?:\\s+#?([\\p{L}\\p{N}_-]+?))?(?:\\s+(?:tasks|todos|items))?$",
			FLAGS);

	private static final Pattern LIST = Pattern.compile(
			"^(?:show|list)(?: me)?(?:\\s+(.+?))?\\s+(?:tasks|todos)(?:\\s+(tagged\\s+#?[\\p{L}\\p{N}_-]+|(?:for|due)\\s+.+))?$",
			FLAGS);

	private static final Pattern TAGGED = Pattern.compile("^tagged\\s+#?(.+)$", FLAGS);

	private static final Pattern WORD_TAG = Pattern.compile("^#?([\\p{L}\\p{N}_-]+)$");

	private static final Pattern MARK_DONE = Pattern.compile(
			"^(?:mark|check off|tick off)\\s+(.+?)(?:\\s+(?:as\\s+)?(?:done|complete|completed|finished))?$", FLAGS);

	private static final Pattern COMPLETE = Pattern
		.compile("^(?:complete|finish|i (?:finished|did|completed)|done with)\\s+(.+)$", FLAGS);

	private static final Pattern MOVE = Pattern.compile("^(?:move|reschedule|push|postpone|change)\\s+(.+)$", FLAGS);

	private static final Pattern MOVE_TO = Pattern.compile("\\s+(?:to|until|till)\\s+", FLAGS);

	private static final Pattern DELETE = Pattern.compile("^(?:delete|remove|drop|cancel)\\s+(.+)$", FLAGS);

	/** "make it high priority", "set the report to low priority", "mark X as urgent", "change the priority of X to high". */
	private static final Pattern PRIORITY = Pattern.compile(
			"^(?:make|set|mark|change)\\s+(.+?)\\s+(?:to\\s+|as\\s+)?(?:a\\s+)?(high|top|urgent|medium|normal|low|no)(?:\\s+(?:priority|prio))?$",
			FLAGS);

	private static final Pattern PRIORITY_OF = Pattern.compile(
			"^(?:set|change|make)\\s+(?:the\\s+)?(?:priority|prio)\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to\\s+)?(high|top|urgent|medium|normal|low|none)$",
			FLAGS);

	/** Words that stand for a task named before rather than for a title. */
	private static final Pattern REFERS_BACK = Pattern
		.compile("^(?:it|that|this|(?:that|this|the same|the last|last|same) one|the last|last|the latter)$", FLAGS);

	/** "actually make that high priority": a word that only leads into the request. */
	private static final Pattern LEAD_IN = Pattern.compile("^(?:actually|oh|and|also|so|then|now|ok so|okay so)[,:]?\\s+(?=\\S)",
			FLAGS);

	/**
	 * Line and paragraph separators, tabs and the like: a message may have several lines, but its intents
	 * are read as one line ("add milk" and "tomorrow" on two lines is "add milk tomorrow").
	 */
	private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}\\u0085]+");

	/** How many tasks containing a phrase are read to find those whose title has it as whole words. */
	private static final int SEARCHED = 200;

	static final String HELP = "I can add, list, complete, move, prioritise and delete tasks. Try: \u201cadd buy milk tomorrow #errands\u201d, "
			+ "\u201cwhat's due this week?\u201d, \u201cshow overdue work tasks\u201d, \u201cmark buy milk as done\u201d, "
			+ "\u201cmove the dentist to next Tuesday\u201d, \u201cmake it high priority\u201d, \u201cdelete the groceries task\u201d or "
			+ "\u201cwhat did I finish yesterday?\u201d";

	private final TaskPhraseParser parser;

	private final TaskManagement tasks;

	private final Clock clock;

	public OfflineEngine(TaskPhraseParser parser, TaskManagement tasks, Clock clock) {
		this.parser = parser;
		this.tasks = tasks;
		this.clock = clock;
	}

	@Override
	public EngineReply respond(CurrentUser user, Conversation history, String message, ToolTurn turn) {
		String said = LEAD_IN.matcher(WHITE_SPACE.matcher(message).replaceAll(" ").strip()).replaceFirst("");
		Matcher m;
		// what follows "add" is a quick-add line, read as typed: its trailing "!!!" is a priority and the
		// "!" of "Learn Yahoo!" part of the title, exactly as the quick-add field reads them
		if ((m = REMIND.matcher(said)).matches()) {
			return add(user, turn, m.group(1), true);
		}
		if ((m = REMIND_WHEN.matcher(said)).matches()) {
			Optional<String> line = whenFirst(user, m.group(1));
			if (line.isPresent()) {
				return add(user, turn, line.get(), true);
			}
		}
		if ((m = ADD.matcher(said)).matches()) {
			return add(user, turn, m.group(1), false);
		}
		// the other intents are sentences, whose closing "?" or "." is no part of what they name
		String text = said.replaceAll("[?.!]+$", "").strip();
		if ((m = FINISHED.matcher(text)).matches()) {
			String when = m.group(1) == null || m.group(1).isBlank() ? "today" : m.group(1);
			return listed(turn, ToolCall.of(AssistantTools.LIST, "completed", when), "Finished " + when + ":",
					"Nothing finished " + when + ".");
		}
		if ((m = OVERDUE.matcher(text)).matches()) {
			String tag = tagOrNull(m.group(1));
			return listed(turn,
					ToolCall.of(AssistantTools.LIST, "overdue", true, "tags", tag == null ? null : List.of(tag)),
					"Overdue" + (tag == null ? "" : " #" + tag) + ":", "Nothing overdue" + (tag == null ? "" : " tagged #" + tag) + ".");
		}
		if ((m = DUE.matcher(text)).matches() || (m = AGENDA.matcher(text)).matches()) {
			String when = m.group(1).strip();
			if (parser.parseRange(AssistantTools.daysOf(when), user.timeZone()).isEmpty()) {
				return EngineReply.of("I can't tell which days \u201c" + when + "\u201d means. Try today, tomorrow or this week.");
			}
			return listed(turn, ToolCall.of(AssistantTools.LIST, "due", when), "Due " + when + ":",
					"Nothing due " + when + ".");
		}
		if ((m = LIST.matcher(text)).matches()) {
			return list(user, turn, m.group(1) == null ? "" : m.group(1), m.group(2));
		}
		if ((m = PRIORITY_OF.matcher(text)).matches() || (m = PRIORITY.matcher(text)).matches()) {
			String priority = priorityWord(m.group(2));
			return onOneTask(user, history, turn, m.group(1), "change",
					id -> ToolCall.of(AssistantTools.UPDATE, "task_id", id, "priority", priority));
		}
		if ((m = MOVE.matcher(text)).matches() && MOVE_TO.matcher(m.group(1)).find()) {
			return move(user, history, turn, m.group(1));
		}
		if ((m = MARK_DONE.matcher(text)).matches() || (m = COMPLETE.matcher(text)).matches()) {
			return onOneTask(user, history, turn, m.group(1), "complete", id -> ToolCall.of(AssistantTools.COMPLETE, "task_id", id));
		}
		if ((m = DELETE.matcher(text)).matches()) {
			return onOneTask(user, history, turn, m.group(1), "delete", id -> ToolCall.of(AssistantTools.DELETE, "task_id", id));
		}
		return EngineReply.of(HELP);
	}

	/**
	 * "talk to Bob to Friday": a title may say "to" itself, so the task is what stands before the last
	 * "to" whose right side is a date ("Friday"), not before the first ("Bob to Friday").
	 */
	private EngineReply move(CurrentUser user, Conversation history, ToolTurn turn, String said) {
		List<int[]> splits = new ArrayList<>();
		Matcher to = MOVE_TO.matcher(said);
		while (to.find()) {
			splits.add(new int[] { to.start(), to.end() });
		}
		for (int i = splits.size() - 1; i >= 0; i--) {
			String task = said.substring(0, splits.get(i)[0]);
			String when = said.substring(splits.get(i)[1]).strip();
			if (parser.parseDue(when, user.timeZone()).isPresent()) {
				return onOneTask(user, history, turn, task, "move", id -> ToolCall.of(AssistantTools.UPDATE, "task_id", id, "due", when));
			}
		}
		String last = said.substring(splits.get(splits.size() - 1)[1]).strip();
		return EngineReply.of("I can't read \u201c" + last + "\u201d as a date. Try \u201cnext Tuesday\u201d or \u201cDec 24 5pm\u201d.");
	}

	/**
	 * "show all my tasks", "show completed #work tasks", "show today's tasks", "show high priority
	 * tasks", "show tasks tagged home": the words before "tasks" say which. A tag is a word with "#" or
	 * after "tagged"; a bare word is a tag only when the user has tasks tagged so ("show work tasks"),
	 * otherwise it is searched for in the titles, so "show my tasks" never lists the tag #my.
	 */
	private EngineReply list(CurrentUser user, ToolTurn turn, String before, String after) {
		boolean completed = false;
		String priority = null;
		String tag = null;
		List<String> rest = new ArrayList<>();
		String[] words = before.isBlank() ? new String[0] : before.strip().split("\\s+");
		for (int i = 0; i < words.length; i++) {
			String word = words[i].toLowerCase(java.util.Locale.ROOT).replaceFirst("(?:'s|\u2019s)$", "");
			if (word.matches("all|my|of|the|open|pending|current")) {
				continue;
			}
			if (word.matches("completed|complete|done|finished")) {
				completed = true;
			}
			else if (word.matches("high|medium|low") && i + 1 < words.length && words[i + 1].equalsIgnoreCase("priority")) {
				priority = word;
				i++;
			}
			else if (word.startsWith("#") && WORD_TAG.matcher(word).matches()) {
				tag = word.substring(1);
			}
			else {
				rest.add(word);
			}
		}
		String when = null;
		String query = null;
		if (after != null) {
			Matcher tagged = TAGGED.matcher(after);
			if (tagged.matches()) {
				tag = tagged.group(1);
			}
			else {
				rest.add(after.replaceFirst("(?i)^(?:for|due)\\s+", ""));
			}
		}
		String others = String.join(" ", rest);
		if (!others.isEmpty()) {
			if (parser.parseRange(others, user.timeZone()).isPresent()) {
				when = others;
			}
			else if (tag == null && WORD_TAG.matcher(others).matches() && hasTag(user, others)) {
				tag = others;
			}
			else {
				query = others;
			}
		}
		String which = (completed ? "recently completed" : "open") + (priority == null ? "" : " " + priority + " priority")
				+ " tasks" + (tag == null ? "" : " tagged #" + tag) + (query == null ? "" : " matching \u201c" + UserText.isolated(query) + "\u201d")
				+ (when == null ? "" : " due " + when);
		return listed(turn, ToolCall.of(AssistantTools.LIST, "status", completed ? "completed" : null, "priority", priority,
				"tags", tag == null ? null : List.of(tag), "query", query, "due", when), "Your " + which + ":",
				"You have no " + which + ".");
	}

	private boolean hasTag(CurrentUser user, String tag) {
		return tasks.count(user, new TaskQuery(java.util.Set.of(), java.util.Set.of(), List.of(tag), false, null, null, null,
				null, null, null, 1, null), 1) > 0;
	}

	/**
	 * "tonight to take out trash" as the quick-add line "take out trash tonight": the time is what stands
	 * before the first "to" that leaves a date on its left, so the task may say "to" itself.
	 */
	private Optional<String> whenFirst(CurrentUser user, String said) {
		Matcher to = TO.matcher(said);
		while (to.find()) {
			String when = said.substring(0, to.start());
			if (parser.parseDue(when, user.timeZone()).isPresent()) {
				return Optional.of(said.substring(to.end()) + " " + when);
			}
		}
		return Optional.empty();
	}

	private EngineReply add(CurrentUser user, ToolTurn turn, String line, boolean remind) {
		ParsedTask parsed = parser.parse(line, user.timeZone());
		if (parsed.title() == null || parsed.title().isBlank()) {
			return EngineReply.of("What should the task be called?");
		}
		List<String> reminders = new ArrayList<>(parsed.reminders().stream().map(OfflineEngine::reminderText).toList());
		if (remind && reminders.isEmpty() && parsed.due() != null) {
			reminders.add(Duration.ZERO.toString());
		}
		ChatAction action = turn.call(ToolCall.of(AssistantTools.ADD, "title", parsed.title(), "due",
				parsed.due() == null ? null : parsed.due().format(),
				"priority", parsed.priority() == Priority.NONE ? null : parsed.priority().value(),
				"tags", parsed.tags().isEmpty() ? null : parsed.tags(),
				"recurrence", parsed.recurrence() == null ? null : parsed.recurrence().text(),
				"recurrence_from", parsed.recurrence() == null ? null : parsed.recurrence().from().value(),
				"reminders", reminders.isEmpty() ? null : reminders));
		if (action.error()) {
			return EngineReply.of("I couldn't add that: " + action.result());
		}
		String note = remind && parsed.due() == null ? " It has no time, so there is no reminder; say when, e.g. \u201cremind me to call mum tomorrow 6pm\u201d." : "";
		return EngineReply.of(action.result() + note);
	}

	private static String reminderText(Reminder.Spec spec) {
		return spec.before() != null ? spec.before().toString() : spec.at().toString();
	}

	private static EngineReply listed(ToolTurn turn, ToolCall call, String heading, String none) {
		ChatAction action = turn.call(call);
		if (action.error()) {
			return EngineReply.of("I couldn't look that up: " + action.result());
		}
		return EngineReply.of(action.taskIds().isEmpty() ? none : heading + "\n" + action.result());
	}

	/**
	 * Finds the one task a phrase names and calls the tool on it. "It", "that" or "the last one" is the
	 * task the previous reply touched. Otherwise tasks titled exactly so win; failing those, the phrase
	 * must stand in a title as whole words ("it" is not in "Write"), and even a single such task is only
	 * proposed, not changed, since a part of a title may name another task than the one meant. Several
	 * candidates make the assistant ask which one.
	 */
	private EngineReply onOneTask(CurrentUser user, Conversation history, ToolTurn turn, String phrase, String verb,
			Function<Long, ToolCall> callFor) {
		String target = target(phrase);
		Optional<Long> byId = explicitId(target);
		if (byId.isPresent()) {
			return run(turn, callFor.apply(byId.get()));
		}
		// in quotes, "it" is a title like any other
		boolean quoted = phrase.strip().matches("^[\"\u201c'].*");
		if (!quoted && REFERS_BACK.matcher(target).matches()) {
			return onTaskReferredTo(user, history, turn, target, verb, callFor);
		}
		// tasks called exactly so are looked up by their title, not among the first page of partial
		// matches, where more partial matches due sooner would push them out
		boolean includeCompleted = verb.equals("delete");
		List<Task> exact = tasks.listTitled(user, target, query(target, includeCompleted, 20)).items();
		if (exact.size() == 1) {
			return run(turn, callFor.apply(exact.get(0).id()));
		}
		List<Task> candidates = exact.isEmpty() ? withWords(target, tasks.list(user, query(target, includeCompleted, SEARCHED)).items())
				: exact;
		if (candidates.isEmpty()) {
			return EngineReply.of("I couldn't find a task matching \u201c" + UserText.isolated(target) + "\u201d.");
		}
		if (candidates.size() == 1) {
			turn.hold(callFor.apply(candidates.get(0).id()));
			return EngineReply.of(null);
		}
		return choice(user, candidates, "Several tasks match \u201c" + UserText.isolated(target) + "\u201d.", verb, callFor);
	}

	/**
	 * "Delete it": the task the assistant's previous reply touched (added, changed, completed, listed).
	 * Without one there is nothing "it" can safely mean, so the assistant asks rather than searching
	 * titles for the word.
	 */
	private EngineReply onTaskReferredTo(CurrentUser user, Conversation history, ToolTurn turn, String said, String verb,
			Function<Long, ToolCall> callFor) {
		List<Long> touched = lastTouched(history);
		if (touched.isEmpty()) {
			return EngineReply.of("Which task do you mean by \u201c" + UserText.isolated(said)
					+ "\u201d? Please name it, e.g. \u201c" + verb + " buy milk\u201d or \u201c" + verb + " #12\u201d.");
		}
		if (touched.size() == 1) {
			return run(turn, callFor.apply(touched.get(0)));
		}
		List<Task> candidates = new ArrayList<>();
		for (long id : touched) {
			try {
				candidates.add(tasks.get(user, id));
			}
			catch (dev.taskflow.platform.ResourceNotFound gone) {
				// deleted since: not one to choose
			}
		}
		if (candidates.size() == 1) {
			return run(turn, callFor.apply(candidates.get(0).id()));
		}
		if (candidates.isEmpty()) {
			return EngineReply.of("The tasks I last showed no longer exist.");
		}
		return choice(user, candidates, "My last answer named several tasks.", verb, callFor);
	}

	/** The tasks the previous reply's actions touched, in order; none if it took no action. */
	private static List<Long> lastTouched(Conversation history) {
		if (history == null) {
			return List.of();
		}
		for (int i = history.messages().size() - 1; i >= 0; i--) {
			Conversation.Message message = history.messages().get(i);
			if (message.role().equals("assistant")) {
				return message.actions()
					.stream()
					.filter(action -> !action.error())
					.flatMap(action -> action.taskIds().stream())
					.distinct()
					.toList();
			}
		}
		return List.of();
	}

	private EngineReply choice(CurrentUser user, List<Task> candidates, String lead, String verb,
			Function<Long, ToolCall> callFor) {
		List<Task> shown = candidates.stream().limit(5).toList();
		StringBuilder question = new StringBuilder(lead + " Which one should I " + verb + "?");
		for (int i = 0; i < shown.size(); i++) {
			question.append("\n").append(i + 1).append(". ").append(AssistantTools.describe(shown.get(i), user.timeZone(), clock.instant()));
		}
		question.append("\nReply with its number.");
		return new EngineReply(question.toString(), new PendingAction(PendingAction.Kind.CHOOSE, verb,
				List.of(callFor.apply(0L)), shown.stream().map(Task::id).toList(), clock.instant().plus(CHOICE_LIFETIME)));
	}

	/** The tasks whose title holds the phrase as whole words: "it" names no "Write the report". */
	private static List<Task> withWords(String phrase, List<Task> found) {
		Pattern words = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])", FLAGS);
		return found.stream().filter(task -> words.matcher(task.title()).find()).toList();
	}

	private static String priorityWord(String said) {
		return switch (said.toLowerCase(java.util.Locale.ROOT)) {
			case "top", "urgent" -> "high";
			case "normal" -> "medium";
			case "no" -> "none";
			default -> said.toLowerCase(java.util.Locale.ROOT);
		};
	}

	private static EngineReply run(ToolTurn turn, ToolCall call) {
		ChatAction action = turn.call(call);
		if (action.error()) {
			return EngineReply.of("I couldn't do that: " + action.result());
		}
		return EngineReply.of(AssistantTools.isDestructive(call) ? null : action.result());
	}

	private static TaskQuery query(String target, boolean includeCompleted, int limit) {
		return new TaskQuery(includeCompleted ? java.util.Set.of() : java.util.Set.of(TaskStatus.PENDING),
				java.util.Set.of(), List.of(), false, null, null, null, null, target, TaskSort.parse("due,-priority"), limit, null);
	}

	private static Optional<Long> explicitId(String target) {
		Matcher id = Pattern.compile("^(?:task\\s+)?#(\\d{1,18})$").matcher(target);
		return id.matches() ? Optional.of(Long.parseLong(id.group(1))) : Optional.empty();
	}

	private static String tagOrNull(String word) {
		return word == null || word.matches("(?i)tasks|todos|items") ? null : word;
	}

	/** "the groceries task" → "groceries". */
	static String target(String phrase) {
		String target = phrase.strip()
			.replaceAll("^[\"\u201c']|[\"\u201d']$", "")
			.replaceFirst("(?i)^(?:the|my|a)\\s+", "")
			.replaceFirst("(?i)\\s+(?:task|todo|item)$", "")
			.strip();
		return target;
	}
}
