package dev.taskflow.tasks.internal.phrases;

import java.util.List;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.RecognisedPart.Kind;
import dev.taskflow.tasks.Tags;

/**
 * Priorities ("p1" high, "p2" medium, "p3" low; "!high", "!!!", "!!"; "high priority", "priority high")
 * and tags ("#work", normalised by {@link Tags}; a tag needs a letter, so "#123" stays an issue number).
 */
final class PriorityAndTagPhrases {

	private PriorityAndTagPhrases() {
	}

	static Match priority(Words words, int i) {
		String word = words.at(i);
		if (word == null) {
			return null;
		}
		Priority single = switch (word) {
			case "p1", "!!!", "!high", "!1" -> Priority.HIGH;
			case "p2", "!!", "!medium", "!med", "!2" -> Priority.MEDIUM;
			case "p3", "!low", "!3" -> Priority.LOW;
			default -> null;
		};
		if (single != null) {
			return new Match(Kind.PRIORITY, i, i + 1, single);
		}
		String next = words.next(i + 1);
		if (next == null) {
			return null;
		}
		if (next.equals("priority") || next.equals("prio")) {
			Priority level = level(word);
			return level == null ? null : new Match(Kind.PRIORITY, i, i + 2, level);
		}
		if (word.equals("priority")) {
			Priority level = level(next);
			return level == null ? null : new Match(Kind.PRIORITY, i, i + 2, level);
		}
		return null;
	}

	private static Priority level(String word) {
		return switch (word) {
			case "high", "top", "urgent" -> Priority.HIGH;
			case "medium", "normal" -> Priority.MEDIUM;
			case "low" -> Priority.LOW;
			default -> null;
		};
	}

	static Match tag(Words words, int i) {
		String word = words.at(i);
		if (word == null || word.length() < 2 || word.charAt(0) != '#' || word.chars().noneMatch(Character::isLetter)) {
			return null;
		}
		FieldErrors errors = new FieldErrors();
		List<String> tags = Tags.normalizeAll(List.of(word), "tag", errors);
		return errors.isEmpty() && tags.size() == 1 ? new Match(Kind.TAG, i, i + 1, tags.get(0)) : null;
	}
}
