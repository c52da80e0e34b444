package dev.taskflow.tasks;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import dev.taskflow.tasks.internal.phrases.PhraseReader;
import org.springframework.stereotype.Component;

/**
 * The one English reader of task text, shared by the web UI's quick add and the assistant:
 * "Call the dentist tomorrow 9am #health p1" becomes a title, a due date, a priority and tags, each
 * part with its span so a preview can show and undo it. Deterministic for a given clock and zone;
 * it never refuses a line (what it does not understand is title). The syntax is in docs/quick-add.md.
 */
@Component
public class TaskPhraseParser {

	private final Clock clock;

	public TaskPhraseParser(Clock clock) {
		this.clock = clock;
	}

	/** Reads a whole quick-add line in the user's zone. */
	public ParsedTask parse(String text, ZoneId zone) {
		return reader(zone).read(text);
	}

	/**
	 * Reads a phrase that is only a date and/or time ("next Tuesday 5pm", "2026-12-01",
	 * "2026-12-01T09:00:00+01:00"); empty if anything else is in it.
	 */
	public Optional<Due> parseDue(String phrase, ZoneId zone) {
		return reader(zone).due(phrase);
	}

	/**
	 * Reads a phrase naming days: "today", "this week", "next 7 days", "yesterday", "this weekend", or
	 * any single date ("Dec 24"); empty otherwise ("overdue" is no range).
	 */
	public Optional<DateRange> parseRange(String phrase, ZoneId zone) {
		return reader(zone).range(phrase);
	}

	private PhraseReader reader(ZoneId zone) {
		return new PhraseReader(ZonedDateTime.now(clock.withZone(zone)));
	}
}
