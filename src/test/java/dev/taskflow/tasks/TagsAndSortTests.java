package dev.taskflow.tasks;

import java.util.List;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsAndSortTests {

	@Test
	void tagsAreNormalisedAndDeduplicated() {
		FieldErrors errors = new FieldErrors();
		assertThat(Tags.normalizeAll(List.of(" Work ", "#work", "Side Project", "ärger"), "tags", errors))
			.containsExactly("work", "side-project", "ärger");
		assertThat(errors.isEmpty()).isTrue();
	}

	@Test
	void badTagsAreReportedByPosition() {
		FieldErrors errors = new FieldErrors();
		Tags.normalizeAll(List.of("ok", "", "x".repeat(41), "semi;colon"), "tags", errors);
		assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.problems()).extracting(InvalidInput.FieldProblem::field)
					.containsExactly("tags[1]", "tags[2]", "tags[3]"));
	}

	@Test
	void sortTextRoundTripsAndRejectsUnknownOrRepeatedKeys() {
		assertThat(TaskSort.parse("due,-priority").format()).isEqualTo("due,-priority");
		assertThat(TaskSort.parse(null)).isEqualTo(TaskSort.DEFAULT);
		assertThatThrownBy(() -> TaskSort.parse("colour")).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> TaskSort.parse("due,-due")).isInstanceOf(InvalidInput.class);
	}

	/** Lower-casing İ gives i and a combining dot; scripts whose vowel signs are marks are letters too. */
	@Test
	void tagsOfEveryScriptAreAcceptedAndTurkishCapitalIIsLowerCased() {
		FieldErrors errors = new FieldErrors();
		List<String> tags = Tags.normalizeAll(List.of("İstanbul", "हिंदी", "Cafe\u0301", "a.b", "c/d", "e:f"), "tags", errors);
		assertThat(errors.isEmpty()).as(errors.toString()).isTrue();
		assertThat(tags).containsExactly("istanbul", "हिंदी", "caf\u00e9", "a.b", "c/d", "e:f");
	}

	/** 𠮷 is a letter (in 𠮷野家) that Java counts as two UTF-16 units; the limit counts it once. */
	@Test
	void aTagsLengthCountsCharactersNotUtf16Units() {
		FieldErrors errors = new FieldErrors();
		List<String> tags = Tags.normalizeAll(List.of("𠮷".repeat(Tags.MAX_LENGTH), "𠮷".repeat(Tags.MAX_LENGTH + 1)),
				"tags", errors);
		assertThat(tags).containsExactly("𠮷".repeat(Tags.MAX_LENGTH));
		assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.problems()).containsExactly(
						new InvalidInput.FieldProblem("tags[1]", "must be at most 40 characters long")));
	}

	/**
	 * Why the sort and search columns are twice as wide as the limits (V9_99): lower-cased, no character
	 * takes more than two characters or two UTF-16 units (İ becomes i and a combining dot). A newer
	 * Unicode in the JDK that broke this would need wider columns.
	 */
	@Test
	void lowerCasingAtMostDoublesAText() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String lower = Character.toString(codePoint).toLowerCase(java.util.Locale.ROOT);
			if (lower.length() > 2) {
				assertThat(lower).as("U+%04X lower-cased", codePoint).hasSizeLessThanOrEqualTo(2);
			}
		}
		assertThat("\u0130".toLowerCase(java.util.Locale.ROOT)).isEqualTo("i\u0307");
	}

	@Test
	void reminderLeadTimesReadAsPeopleWriteThem() {
		assertThat(new Reminder(null, java.time.Duration.ofDays(1), null, null).beforeText()).isEqualTo("P1D");
		assertThat(new Reminder(null, java.time.Duration.ofHours(26), null, null).beforeText()).isEqualTo("P1DT2H");
		assertThat(new Reminder(null, java.time.Duration.ofMinutes(15), null, null).beforeText()).isEqualTo("PT15M");
		assertThat(new Reminder(java.time.Instant.EPOCH, null, null, null).beforeText()).isNull();
	}

	@Test
	void aDraftTrimsItsTitleAndReportsEveryBrokenRule() {
		assertThat(TaskDraft.titled("  Milk ").title()).isEqualTo("Milk");
		assertThatThrownBy(() -> new TaskDraft(" ", "x".repeat(10_001), null, null, List.of(""), null, null, null))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.problems())
				.extracting(InvalidInput.FieldProblem::field)
				.containsExactly("title", "description", "tags[0]"));
	}
}
