package dev.taskflow.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phrasings table (quick-add-phrasings.md next to this class's package in the test resources): each
 * row is a line as typed, read on Saturday 28 November 2026 at 10:00 in Berlin, and what it must mean.
 */
class TaskPhraseParserTableTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, BERLIN);

	private final TaskPhraseParser parser = new TaskPhraseParser(Clock.fixed(NOW.toInstant(), BERLIN));

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("phrasings")
	void readsThePhrasingAsTheTableSays(String input, String title, String due, String priority, String tags,
			String recurrence, String reminders) {
		ParsedTask parsed = parser.parse(input, BERLIN);

		assertThat(parsed.title()).as("title").isEqualTo(title);
		assertThat(dueText(parsed.due())).as("due").isEqualTo(due);
		assertThat(parsed.priority().value()).as("priority").isEqualTo(priority.isEmpty() ? "none" : priority);
		assertThat(String.join(", ", parsed.tags())).as("tags").isEqualTo(tags);
		assertThat(recurrenceText(parsed)).as("recurrence").isEqualTo(recurrence);
		assertThat(remindersText(parsed)).as("reminders").isEqualTo(reminders);
		assertThat(parsed.toDraft().title()).isEqualTo(title);
	}

	/** A date as 2026-11-29, a time in Berlin as 2026-11-29 09:00, a moment with another offset in ISO. */
	static String dueText(Due due) {
		if (due == null) {
			return "";
		}
		if (due.allDay()) {
			return due.date().toString();
		}
		if (!due.dateTime().getOffset().equals(BERLIN.getRules().getOffset(due.dateTime().toInstant()))) {
			return due.format();
		}
		return due.dateTime().toLocalDateTime().toString().replace('T', ' ');
	}

	private static String recurrenceText(ParsedTask parsed) {
		if (parsed.recurrence() == null) {
			return "";
		}
		String rule = parsed.recurrence().rrule();
		return parsed.recurrence().from() == dev.taskflow.recurrence.Recurrence.From.COMPLETION ? rule + " from completion"
				: rule;
	}

	private static String remindersText(ParsedTask parsed) {
		List<String> texts = new ArrayList<>();
		for (Reminder.Spec spec : parsed.reminders()) {
			texts.add(spec.before() != null ? "before " + spec.before()
					: "at " + LocalDateTime.ofInstant(spec.at(), BERLIN).toString().replace('T', ' '));
		}
		return String.join(", ", texts);
	}

	static Stream<Arguments> phrasings() throws IOException {
		List<Arguments> rows = new ArrayList<>();
		for (String[] cells : table("quick-add-phrasings.md")) {
			rows.add(Arguments.of((Object[]) cells));
		}
		return rows.stream();
	}

	/**
	 * The rows of a Markdown table: cells between pipes, trimmed; a backtick-quoted cell keeps its
	 * spaces. The header and the separator row are skipped.
	 */
	static List<String[]> table(String resource) throws IOException {
		try (InputStream in = TaskPhraseParserTableTests.class.getResourceAsStream(resource)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<String[]> rows = new ArrayList<>();
			boolean header = true;
			for (String line : text.split("\n")) {
				if (!line.startsWith("|") || line.startsWith("|--") || line.startsWith("| --")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|", -1))
					.map(String::strip)
					.map(cell -> cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")
							? cell.substring(1, cell.length() - 1) : cell)
					.toArray(String[]::new);
				rows.add(cells);
			}
			return rows;
		}
	}
}
