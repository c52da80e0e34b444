package dev.taskflow.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for text a person may store: what every entry point (fields, query parameters, forms,
 * imports, the assistant, tokens, e-mail) refuses, what counts as blank, and how a stored text is
 * embedded in a sentence.
 * <p>
 * Refused are the characters no database or reader takes as text: C0 controls (U+0000–U+001F) and DEL
 * — except tab, line feed and carriage return in multi-line text —, C1 controls (U+0080–U+009F), halves
 * of a surrogate pair without their partner, and non-characters (U+FDD0–U+FDEF and the last two code
 * points of every plane, such as U+FFFE). PostgreSQL refuses U+0000 outright and its driver turns a lone
 * surrogate into "?", so such text would be a 500 there and a backup that does not import elsewhere;
 * no keyboard types the others. Single-line text also refuses the line and paragraph separators
 * (U+2028, U+2029). Bidirectional controls stay allowed: Arabic and Hebrew writers need them, and
 * {@link #isolated} keeps them from reaching into the sentence around a text.
 */
public final class UserText {

	/** Whether line breaks (and tabs) belong in the text, as in a description or a chat message. */
	public enum Lines {
		ONE, MANY
	}

	private static final char FIRST_STRONG_ISOLATE = '\u2068';

	private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

	private UserText() {
	}

	/**
	 * What is wrong with the text as a field message ("must not contain control characters (U+0000 at
	 * position 2)"), or empty when it may be stored. {@code null} may be stored: requiring it is not
	 * this rule's business.
	 */
	public static Optional<String> problem(String text, Lines lines) {
		if (text == null) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= ' ' && c < 0x7f) {
				continue;
			}
			int codePoint = text.codePointAt(i);
			if (Character.isSurrogate(c) && Character.charCount(codePoint) == 1) {
				return Optional.of("must not contain a lone surrogate, half of a character broken in two" + where(text, i));
			}
			if (Character.getType(codePoint) == Character.CONTROL && !(lines == Lines.MANY && isLineOrTab(c))) {
				return Optional.of((lines == Lines.ONE && isLineOrTab(c) ? "must be one line, without line breaks or tabs"
						: "must not contain control characters") + where(text, i));
			}
			if (lines == Lines.ONE && (c == '\u2028' || c == '\u2029')) {
				return Optional.of("must be one line, without line breaks or tabs" + where(text, i));
			}
			if (isNonCharacter(codePoint)) {
				return Optional.of("must not contain non-characters" + where(text, i));
			}
			i += Character.charCount(codePoint) - 1;
		}
		return Optional.empty();
	}

	/** " (U+0000 at position 2)": the character at UTF-16 index {@code index}, counted in characters from 1. */
	private static String where(String text, int index) {
		return " (" + codePoint(text.codePointAt(index)) + " at position " + (text.codePointCount(0, index) + 1) + ")";
	}

	public static boolean isStorable(String text, Lines lines) {
		return problem(text, lines).isEmpty();
	}

	/** Adds the text's problem under {@code field}; whether it had none. */
	public static boolean check(String field, String text, Lines lines, FieldErrors errors) {
		Optional<String> problem = problem(text, lines);
		problem.ifPresent(message -> errors.add(field, message));
		return problem.isEmpty();
	}

	/** @throws InvalidInput naming {@code field} when the text may not be stored */
	public static void require(String field, String text, Lines lines) {
		FieldErrors errors = new FieldErrors();
		check(field, text, lines, errors);
		errors.throwIfAny();
	}

	/**
	 * Whether the text shows nothing: only white space, format characters (zero-width space U+200B, word
	 * joiner U+2060, byte-order mark U+FEFF, bidirectional controls), variation selectors and
	 * the characters drawn as blanks (Braille blank U+2800, the Hangul fillers). {@link String#isBlank}
	 * knows only the first, so a title of a zero-width space looked like an empty row.
	 */
	public static boolean isBlank(String text) {
		return text == null || text.codePoints().allMatch(UserText::isInvisible);
	}

	/**
	 * The text between first-strong isolate (U+2068) and pop directional isolate (U+2069), for a
	 * sentence built as plain text: a right-to-left title, or one holding U+202E, then reads in its own
	 * direction without reversing the words after it ("… is due in 2 hours"). HTML uses {@code <bdi>}.
	 */
	public static String isolated(String text) {
		return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE;
	}

	/**
	 * The text with each lone surrogate replaced by U+FFFD: older versions stored such text on H2, and a
	 * writer of UTF-8 (the CSV export) stops at it, so an export would break off there.
	 */
	public static String withoutLoneSurrogates(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder repaired = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean lone = Character.isHighSurrogate(c)
					? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
					: Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
			if (lone && repaired == null) {
				repaired = new StringBuilder(text.substring(0, i));
			}
			if (repaired != null) {
				repaired.append(lone ? '\uFFFD' : c);
			}
		}
		return repaired == null ? text : repaired.toString();
	}

	private static boolean isLineOrTab(char c) {
		return c == '\t' || c == '\n' || c == '\r';
	}

	private static boolean isNonCharacter(int codePoint) {
		return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
	}

	private static boolean isInvisible(int codePoint) {
		int type = Character.getType(codePoint);
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || type == Character.FORMAT
				|| isDrawnBlank(codePoint) || isVariationSelector(codePoint);
	}

	/** Braille pattern blank, the Hangul fillers and the combining grapheme joiner: letters that show nothing. */
	private static boolean isDrawnBlank(int codePoint) {
		return codePoint == 0x2800 || codePoint == 0x3164 || codePoint == 0x115F || codePoint == 0x1160
				|| codePoint == 0xFFA0 || codePoint == 0x034F;
	}

	private static boolean isVariationSelector(int codePoint) {
		return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0x180B && codePoint <= 0x180F)
				|| (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
	}

	private static String codePoint(int codePoint) {
		return "U+" + String.format(Locale.ROOT, "%04X", codePoint);
	}
}
