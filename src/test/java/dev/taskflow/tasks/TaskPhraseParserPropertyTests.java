package dev.taskflow.tasks;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static dev.taskflow.tasks.TaskPhraseParserTableTests.BERLIN;
import static dev.taskflow.tasks.TaskPhraseParserTableTests.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What holds for any line: reading never fails, parts lie inside the text in order without overlapping,
 * a line with letters never yields an empty title, and undoing a part turns its text into title.
 * Lines (read in any zone, daylight-saving gaps included) are drawn from the parser's own vocabulary (so phrases really occur and collide) and from
 * arbitrary characters.
 */
class TaskPhraseParserPropertyTests {

	private static final List<String> VOCABULARY = List.of("Buy", "milk", "call", "mom", "tomorrow", "today", "tonight",
			"next", "this", "Monday", "mon", "Fri", "on", "by", "due", "at", "9", "5pm", "5:30", "pm", "17:00", "noon",
			"midnight", "in", "3", "2", "a", "days", "weeks", "hours", "every", "every!", "other", "day", "weekday", "week",
			"month", "year", "and", "Wed", "the", "1st", "15th", "last", "first", "Friday", "daily", "weekly", "Dec", "24",
			"24th", "December", "24/12", "31/4", "2026-12-24", "2026-12-01T09:00:00+01:00", "end", "of", "weekend", "#work",
			"#Home", "#123", "#", "p1", "p2", "p3", "!high", "!!", "!!!", "high", "priority", "remind", "me", "30",
			"minutes", "before", "1h", "\"", "\u201C", "\u201D", ",", ".", "!", "(", ")", "2nd", "Floor", "Mayday",
			"November", "rain", "Monday.com", "C#");

	private final TaskPhraseParser parser = new TaskPhraseParser(Clock.fixed(NOW.toInstant(), BERLIN));

	@Provide
	Arbitrary<String> lines() {
		Arbitrary<String> fromVocabulary = Arbitraries.of(VOCABULARY)
			.list()
			.ofMaxSize(14)
			.flatMap(words -> Arbitraries.of(" ", "  ", "", "\t").list().ofSize(words.size()).map(gaps -> {
				StringBuilder line = new StringBuilder();
				for (int i = 0; i < words.size(); i++) {
					line.append(words.get(i)).append(gaps.get(i));
				}
				return line.toString();
			}));
		return Arbitraries.oneOf(fromVocabulary, Arbitraries.strings().ofMaxLength(120), Arbitraries.strings()
			.withChars(" \"#!:/0123456789apmAPMdD-".toCharArray())
			.ofMaxLength(60));
	}

	@Provide
	Arbitrary<ZoneId> zones() {
		return Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of);
	}

	@Property(tries = 500)
	void readingNeverFailsAndPartsLieInTheTextInOrderWithoutOverlapping(@ForAll("lines") String line,
			@ForAll("zones") ZoneId zone) {
		ParsedTask parsed = parser.parse(line, zone);

		int previousEnd = 0;
		for (RecognisedPart part : parsed.parts()) {
			assertThat(part.start()).isGreaterThanOrEqualTo(previousEnd);
			assertThat(part.end()).isGreaterThan(part.start()).isLessThanOrEqualTo(line.length());
			assertThat(line.substring(part.start(), part.end())).isEqualTo(part.text());
			assertThat(part.label()).isNotBlank();
			previousEnd = part.end();
		}
		assertThat(parsed.text()).isEqualTo(line);
	}

	@Property(tries = 500)
	void aLineWithLettersNeverHasAnEmptyTitle(@ForAll("lines") String line) {
		ParsedTask parsed = parser.parse(line, BERLIN);

		if (line.chars().anyMatch(Character::isLetter)) {
			assertThat(parsed.title()).isNotBlank();
		}
		assertThat(parsed.title()).isEqualTo(parsed.title().strip());
	}

	@Property(tries = 200)
	void undoingAPartMakesItsTextTitleAndNoPartAnyMore(@ForAll("lines") String line) {
		ParsedTask parsed = parser.parse(line, BERLIN);

		for (RecognisedPart part : parsed.parts()) {
			ParsedTask without = parsed.without(part);
			// the quoted text starts one character later: after the inserted opening quote
			RecognisedPart quoted = new RecognisedPart(part.kind(), part.start() + 1, part.end() + 1, part.text(), "");
			assertThat(without.parts()).noneMatch(quoted::overlaps);
			for (String word : part.text().split("\\s+")) {
				assertThat(without.title()).contains(word);
			}
		}
	}

	/** "Buy milk p3 !high" was titled "Buy milk!high": the second marker was glued onto the title. */
	@Property(tries = 200)
	void aSecondPriorityMarkerStaysInTheTitleAsItsOwnWord(@ForAll("plainTitles") String title,
			@ForAll("priorityMarkers") String read, @ForAll("priorityMarkers") String left) {
		ParsedTask parsed = parser.parse(title + " " + read + " " + left, BERLIN);

		assertThat(parsed.title()).isEqualTo(title + " " + left);
	}

	@Provide
	Arbitrary<String> plainTitles() {
		return Arbitraries.of("Buy", "milk", "call", "mom", "Floor", "rain", "Learn", "Yahoo!")
			.list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.map(words -> String.join(" ", words));
	}

	@Provide
	Arbitrary<String> priorityMarkers() {
		return Arbitraries.of("p1", "p2", "p3", "!high", "!medium", "!low", "!!", "!!!");
	}

	@Property(tries = 200)
	void readingIsDeterministic(@ForAll("lines") String line) {
		assertThat(parser.parse(line, BERLIN)).isEqualTo(parser.parse(line, BERLIN));
	}

	@Property(tries = 30)
	void aLongPastedLineIsReadQuickly(@ForAll("lines") String line) {
		String pasted = (line + " ").repeat(Math.max(1, 900 / Math.max(1, line.length() + 1)));
		assertThat(parser.parse(pasted, BERLIN).text()).isEqualTo(pasted);
	}
}
