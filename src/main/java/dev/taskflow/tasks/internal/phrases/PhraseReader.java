package dev.taskflow.tasks.internal.phrases;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.taskflow.platform.Characters;
import dev.taskflow.recurrence.Occurrence;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.tasks.DateRange;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.ParsedTask;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.RecognisedPart;
import dev.taskflow.tasks.RecognisedPart.Kind;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.Tags;
import dev.taskflow.tasks.internal.phrases.Match.AtMoment;
import dev.taskflow.tasks.internal.phrases.Match.AtTime;
import dev.taskflow.tasks.internal.phrases.Match.OnDate;
import dev.taskflow.tasks.internal.phrases.Match.RemindAtDue;
import dev.taskflow.tasks.internal.phrases.Match.RemindWhen;
import dev.taskflow.tasks.internal.phrases.Match.RepeatWord;

/**
 * Reads one quick-add line at one moment: finds the phrases word by word (left to right, the longest
 * phrase at each word; every matcher looks a bounded number of words ahead, so reading is linear), keeps
 * the first of each single-valued kind (the date, the time, the priority, the recurrence) and leaves the
 * rest as title.
 */
public final class PhraseReader {

	/**
	 * Lines longer than this are not read for phrases at all: no title may be this long, so such a line
	 * is refused as a title anyway, and reading stays cheap whatever is pasted.
	 */
	public static final int MAX_INPUT = TaskDraft.MAX_TITLE * 5;

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** Punctuation that closes what stands before it; a phrase removed from before it takes its space along. */
	private static final String CLOSING = ",.;:!?)]";

	private static final Pattern SPACE_AFTER_OPENING = Pattern.compile("([(\\[]) ");

	private static final Pattern DANGLING_SEPARATOR = Pattern.compile("^[,;:]\\s*|\\s*[,;:]$");

	/** Words that start what is said about a daily/weekly/… word's time rather than a thing it describes. */
	private static final Set<String> PREPOSITIONS = Set.of("after", "at", "before", "by", "during", "for", "from",
			"in", "on", "since", "till", "until", "with", "without");

	private final ZonedDateTime now;

	private final ZoneId zone;

	private final LocalDate today;

	private final DuePhrases duePhrases;

	public PhraseReader(ZonedDateTime now) {
		this.now = now;
		this.zone = now.getZone();
		this.today = now.toLocalDate();
		this.duePhrases = new DuePhrases(now);
	}

	public ParsedTask read(String text) {
		String line = text == null ? "" : text;
		if (Characters.count(line) > MAX_INPUT) {
			return new ParsedTask(tidy(line), null, Priority.NONE, List.of(), null, List.of(), List.of(), line, now);
		}
		return reading(line).task();
	}

	/** The due date of a phrase that is nothing but a date and/or time, such as "next Tuesday 5pm" or an ISO value. */
	public Optional<Due> due(String phrase) {
		if (phrase == null || phrase.isBlank() || Characters.count(phrase) > MAX_INPUT) {
			return Optional.empty();
		}
		Optional<Due> iso = Due.parse(phrase, zone);
		if (iso.isPresent()) {
			return iso;
		}
		Reading reading = reading(phrase);
		return reading.onlyDue() ? Optional.ofNullable(reading.due) : Optional.empty();
	}

	/** The days a phrase such as "this week", "next 7 days" or "Dec 24" stands for. */
	public Optional<DateRange> range(String phrase) {
		if (phrase == null || phrase.isBlank() || Characters.count(phrase) > MAX_INPUT) {
			return Optional.empty();
		}
		Optional<DateRange> named = RangePhrases.range(Words.of(phrase), today);
		if (named.isPresent()) {
			return named;
		}
		return due(phrase).map(due -> DateRange.day(due.allDay() ? due.date()
				: due.dateTime().atZoneSameInstant(zone).toLocalDate()));
	}

	private Reading reading(String text) {
		Words words = Words.of(text);
		return new Reading(words, text, keep(words, find(words)));
	}

	private List<Match> find(Words words) {
		List<Match> found = new ArrayList<>();
		int i = 0;
		while (i < words.size()) {
			Match best = longest(ReminderPhrases.at(words, i, duePhrases), RepeatPhrases.at(words, i, duePhrases),
					PriorityAndTagPhrases.priority(words, i), PriorityAndTagPhrases.tag(words, i), duePhrases.at(words, i));
			if (best == null) {
				i++;
			}
			else {
				found.add(best);
				i = best.to();
			}
		}
		return found;
	}

	private static Match longest(Match... candidates) {
		Match best = null;
		for (Match candidate : candidates) {
			if (candidate != null && (best == null || candidate.length() > best.length())) {
				best = candidate;
			}
		}
		return best;
	}

	/** Drops what a line says twice (the first date, time, priority and recurrence win) and adjectives ("Weekly review"). */
	private List<Match> keep(Words words, List<Match> found) {
		List<Match> kept = new ArrayList<>();
		boolean date = false;
		boolean time = false;
		boolean priority = false;
		boolean recurrence = false;
		Set<Object> tags = new LinkedHashSet<>();
		int reminders = 0;
		for (int index = 0; index < found.size(); index++) {
			Match match = found.get(index);
			Object value = match.value();
			boolean keepIt;
			if (value instanceof RepeatWord) {
				keepIt = !recurrence && !describesNextWord(words, found, index) && repeat(value).recurrence(today).isPresent();
				recurrence |= keepIt;
			}
			else if (value instanceof Repeat repeat) {
				keepIt = !recurrence && repeat.recurrence(today).isPresent();
				recurrence |= keepIt;
			}
			else if (value instanceof AtMoment) {
				keepIt = !date && !time;
				date |= keepIt;
				time |= keepIt;
			}
			else if (value instanceof OnDate) {
				keepIt = !date;
				date = true;
			}
			else if (value instanceof AtTime) {
				keepIt = !time;
				time = true;
			}
			else if (value instanceof Priority) {
				keepIt = !priority;
				priority = true;
			}
			else if (match.kind() == Kind.TAG) {
				keepIt = tags.contains(value) || tags.size() < Tags.MAX_TAGS;
				tags.add(value);
			}
			else {
				keepIt = reminders < TaskDraft.MAX_REMINDERS;
				reminders++;
			}
			if (keepIt) {
				kept.add(match);
			}
		}
		return date || time || recurrence ? kept : undatedReminders(kept);
	}

	/**
	 * Without a due date, a lead time ("remind me 30 minutes before") has nothing to count from, and the
	 * form refuses it: it stays in the title. So does a leading "remind me to" unless another reminder
	 * says when.
	 */
	private static List<Match> undatedReminders(List<Match> kept) {
		List<Match> dated = kept.stream()
			.filter(m -> !(m.value() instanceof RemindWhen when && when.before() != null))
			.toList();
		boolean timedReminder = dated.stream().anyMatch(m -> m.value() instanceof RemindWhen);
		return dated.stream().filter(m -> timedReminder || !(m.value() instanceof RemindAtDue)).toList();
	}

	/**
	 * Whether a daily/weekly/… word stands before a title word, as in "Weekly review", rather than after it.
	 * A preposition is no word it could describe: "Stretch daily before bed" repeats.
	 */
	private static boolean describesNextWord(Words words, List<Match> found, int index) {
		int next = found.get(index).to();
		if (next >= words.size() || words.next(next) == null || !words.word(next - 1).trail().isEmpty()
				|| PREPOSITIONS.contains(words.next(next))) {
			return false;
		}
		return index + 1 >= found.size() || found.get(index + 1).from() != next;
	}

	private static Repeat repeat(Object value) {
		return value instanceof RepeatWord word ? word.repeat() : (Repeat) value;
	}

	/** One line's matches, resolved into a task. */
	private final class Reading {

		private final Words words;

		private final String text;

		private final List<Match> matches;

		private final String title;

		private final Due due;

		private final Repeat repeat;

		Reading(Words words, String text, List<Match> matches) {
			this.words = words;
			this.text = text;
			this.matches = matches;
			this.title = title(false);
			this.repeat = matches.stream()
				.filter(m -> m.kind() == Kind.RECURRENCE)
				.map(m -> repeat(m.value()))
				.findFirst()
				.orElse(null);
			this.due = resolveDue();
		}

		boolean onlyDue() {
			return !matches.isEmpty() && title.isEmpty() && due != null
					&& matches.stream().allMatch(m -> m.kind() == Kind.DUE) && !hasQuotes();
		}

		private boolean hasQuotes() {
			for (int i = 0; i < text.length(); i++) {
				if (words.isQuoteMark(i)) {
					return true;
				}
			}
			return false;
		}

		ParsedTask task() {
			if (title.isEmpty()) {
				// nothing left to call the task: the whole line is its title, read literally
				return new ParsedTask(title(true), null, Priority.NONE, List.of(), null, List.of(), List.of(), text, now);
			}
			Priority priority = matches.stream()
				.filter(m -> m.value() instanceof Priority)
				.map(m -> (Priority) m.value())
				.findFirst()
				.orElse(Priority.NONE);
			List<String> tags = matches.stream()
				.filter(m -> m.kind() == Kind.TAG)
				.map(m -> (String) m.value())
				.distinct()
				.toList();
			Recurrence recurrence = repeat == null ? null : repeat.recurrence(dueDay()).orElse(null);
			List<Reminder.Spec> reminders = matches.stream()
				.filter(m -> m.value() instanceof RemindWhen)
				.map(m -> reminder((RemindWhen) m.value()))
				.toList();
			if (reminders.isEmpty() && atDue()) {
				reminders = List.of(new Reminder.Spec(null, Duration.ZERO));
			}
			return new ParsedTask(title, due, priority, tags, recurrence, reminders, parts(), text, now);
		}

		/** The text outside the matches and quote marks, whitespace tidied; {@code literal} keeps the matches too. */
		private String title(boolean literal) {
			StringBuilder title = new StringBuilder();
			int m = 0;
			for (int i = 0; i < text.length(); i++) {
				if (!literal && m < matches.size() && i == start(matches.get(m))) {
					i = end(matches.get(m)) - 1;
					m++;
					closeUpOrSeparate(title, i + 1);
					continue;
				}
				if (!words.isQuoteMark(i)) {
					title.append(text.charAt(i));
				}
			}
			return tidy(title.toString());
		}

		/**
		 * What a phrase leaves where it was: nothing before the punctuation that was glued to it ("Call Bob
		 * tomorrow, then …" is "Call Bob, then …"), otherwise a space. Punctuation the person set apart
		 * stays apart: the "!high" of "Buy milk p3 !high" is a word of its own, not the end of "milk".
		 */
		private void closeUpOrSeparate(StringBuilder title, int after) {
			if (after < text.length() && CLOSING.indexOf(text.charAt(after)) >= 0) {
				while (!title.isEmpty() && Character.isWhitespace(title.charAt(title.length() - 1))) {
					title.setLength(title.length() - 1);
				}
			}
			else {
				title.append(' ');
			}
		}

		private int start(Match match) {
			return words.startOf(match.from());
		}

		private int end(Match match) {
			return words.endOf(match.to());
		}

		private Due resolveDue() {
			OnDate date = first(OnDate.class);
			AtTime time = first(AtTime.class);
			AtMoment moment = first(AtMoment.class);
			if (moment != null) {
				return Due.at(moment.moment());
			}
			LocalTime clock = time != null ? time.time() : date != null ? date.defaultTime() : null;
			if (time != null && date != null && date.evening() && !time.meridiem() && clock.getHour() >= 1
					&& clock.getHour() <= 11) {
				clock = clock.plusHours(12);
			}
			LocalDate day = date != null ? date.date() : null;
			if (day == null && (repeat != null || clock != null)) {
				LocalDate from = clock != null && !today.atTime(clock).isAfter(now.toLocalDateTime()) ? today.plusDays(1)
						: today;
				day = repeat != null ? repeat.firstOnOrAfter(from) : from;
			}
			if (day == null) {
				return null;
			}
			return clock == null ? Due.allDay(day) : Due.at(Occurrence.wallClock(day.atTime(clock), zone));
		}

		/** The day the task is due in the user's zone (a repeat always has one). */
		private LocalDate dueDay() {
			return due.allDay() ? due.date() : due.dateTime().atZoneSameInstant(zone).toLocalDate();
		}

		/** Whether a leading "remind me to" asks for the reminder at the due time (no other reminder is given). */
		private boolean atDue() {
			return first(RemindAtDue.class) != null && first(RemindWhen.class) == null;
		}

		private <T> T first(Class<T> type) {
			return matches.stream().map(Match::value).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
		}

		private Reminder.Spec reminder(RemindWhen when) {
			if (when.before() != null) {
				return new Reminder.Spec(null, when.before());
			}
			if (when.moment() != null) {
				return new Reminder.Spec(when.moment().toInstant(), null);
			}
			LocalDate day;
			if (when.on() != null) {
				day = when.on();
			}
			else if (due == null) {
				day = today.atTime(when.at()).isAfter(now.toLocalDateTime()) ? today : today.plusDays(1);
			}
			else {
				day = due.allDay() ? due.date() : due.dateTime().atZoneSameInstant(zone).toLocalDate();
			}
			return new Reminder.Spec(day.atTime(when.at()).atZone(zone).toInstant(), null);
		}

		private List<RecognisedPart> parts() {
			List<RecognisedPart> parts = new ArrayList<>();
			List<Match> dueMatches = mergedDueMatches();
			for (Match match : matches) {
				if (match.kind() == Kind.DUE) {
					continue;
				}
				parts.add(part(match, label(match)));
			}
			for (Match match : dueMatches) {
				parts.add(part(match, dueMatches.size() == 1 ? Labels.due(due, zone, today) : dueLabel(match)));
			}
			parts.sort((a, b) -> Integer.compare(a.start(), b.start()));
			return parts;
		}

		/** Date and time phrases next to each other ("tomorrow 9am") make one part. */
		private List<Match> mergedDueMatches() {
			List<Match> merged = new ArrayList<>();
			for (Match match : matches) {
				if (match.kind() != Kind.DUE) {
					continue;
				}
				Match last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
				if (last != null && text.substring(end(last), start(match)).isBlank()) {
					merged.set(merged.size() - 1, new Match(Kind.DUE, last.from(), match.to(), null));
				}
				else {
					merged.add(match);
				}
			}
			return merged;
		}

		private String dueLabel(Match match) {
			if (match.value() instanceof AtTime || due == null) {
				return due == null || due.allDay() ? "" : Labels.time(due.dateTime().atZoneSameInstant(zone).toLocalTime());
			}
			if (match.value() instanceof OnDate) {
				return Labels.date(due.allDay() ? due.date() : due.dateTime().atZoneSameInstant(zone).toLocalDate(), today);
			}
			return Labels.due(due, zone, today);
		}

		private String label(Match match) {
			Object value = match.value();
			if (value instanceof Priority priority) {
				return Labels.priority(priority);
			}
			if (match.kind() == Kind.TAG) {
				return "#" + value;
			}
			if (match.kind() == Kind.RECURRENCE) {
				return repeat(value).label();
			}
			if (value instanceof RemindAtDue) {
				return atDue() ? "At due time" : "Reminder";
			}
			RemindWhen when = (RemindWhen) value;
			if (when.before() != null) {
				return Labels.before(when.before());
			}
			Reminder.Spec spec = reminder(when);
			var local = spec.at().atZone(zone).toLocalDateTime();
			return when.on() == null && when.moment() == null ? "At " + Labels.time(local.toLocalTime())
					: Labels.date(local.toLocalDate(), today) + " " + Labels.time(local.toLocalTime());
		}

		private RecognisedPart part(Match match, String label) {
			int start = start(match);
			int end = end(match);
			return new RecognisedPart(match.kind(), start, end, text.substring(start, end), label);
		}
	}

	/** Collapses runs of whitespace and empty brackets an omitted phrase leaves. */
	static String tidy(String text) {
		String collapsed = SPACES.matcher(text.strip()).replaceAll(" ");
		collapsed = SPACE_AFTER_OPENING.matcher(collapsed).replaceAll("$1").replace("()", "").replace("[]", "");
		collapsed = DANGLING_SEPARATOR.matcher(collapsed).replaceAll("");
		return SPACES.matcher(collapsed).replaceAll(" ").strip();
	}
}
