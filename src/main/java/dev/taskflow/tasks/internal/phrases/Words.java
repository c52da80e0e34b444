package dev.taskflow.tasks.internal.phrases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line cut into whitespace-separated words, each with its span, for phrase matching. Matching whole
 * words is what keeps "Mayday", "Monday.com" and "2nd" (of "2nd Floor") from reading as dates. Text in
 * double quotes ("…", “…”) is no word at all: it stays literal, and its quote marks leave the title. An
 * opening quote stands before a word and a closing one after it, so a stray mark does not pair with the
 * quotes that follow it.
 * Punctuation around a word is not part of it; a phrase runs on over a comma but not over a full stop
 * or a quoted piece.
 */
final class Words {

	private static final String OPENING = "([";

	private static final String TRAILING = ",.;:!?)]";

	private final String text;

	private final List<Word> words = new ArrayList<>();

	private final boolean[] quoteMark;

	/** One word: {@code start}/{@code end} span the word without surrounding punctuation. */
	record Word(int start, int end, String raw, String lower, String trail, boolean joined) {
	}

	private Words(String text) {
		this.text = text;
		this.quoteMark = new boolean[text.length()];
		cut();
	}

	static Words of(String text) {
		return new Words(text);
	}

	private void cut() {
		boolean afterQuote = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (isQuote(c) && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
				int close = closingQuote(i + 1);
				if (close > 0) {
					quoteMark[i] = true;
					quoteMark[close] = true;
					afterQuote = true;
					i = close + 1;
					continue;
				}
			}
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			int end = i;
			while (end < text.length() && !Character.isWhitespace(text.charAt(end))
					&& !(end > i && isQuote(text.charAt(end)))) {
				end++;
			}
			add(i, end, afterQuote);
			afterQuote = false;
			i = end;
		}
	}

	private void add(int from, int to, boolean afterQuote) {
		int start = from;
		int end = to;
		while (start < end - 1 && OPENING.indexOf(text.charAt(start)) >= 0) {
			start++;
		}
		while (end > start + 1 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		if (TRAILING.indexOf(text.charAt(end - 1)) >= 0 && end - start == 1 && to - from > 1) {
			// a word of punctuation only ("!!", "!!!") is kept whole
			start = from;
			end = to;
		}
		if (end < to && text.charAt(end) == '.' && endsWithMeridiem(text.substring(start, end))) {
			end++; // the full stop of "p.m." belongs to it
		}
		String raw = text.substring(start, end);
		String trail = text.substring(end, to);
		boolean joined = !words.isEmpty() && !afterQuote && joinsOver(words.get(words.size() - 1).trail());
		words.add(new Word(start, end, raw, raw.toLowerCase(Locale.ROOT), trail, joined));
	}

	private static boolean endsWithMeridiem(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return lower.endsWith("a.m") || lower.endsWith("p.m");
	}

	private static boolean joinsOver(String trail) {
		return trail.isEmpty() || trail.equals(",") || trail.equals("!");
	}

	/**
	 * A quote closes what it follows directly; one after a space opens or is a stray mark, and so does one
	 * directly before a letter or digit ({@code ("tomorrow"}), which would otherwise pair with a stray
	 * mark before it and leave the word it opens unquoted.
	 */
	private int closingQuote(int from) {
		for (int j = from; j < text.length(); j++) {
			if (isQuote(text.charAt(j)) && !Character.isWhitespace(text.charAt(j - 1))
					&& (j + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
				return j;
			}
		}
		return -1;
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\u201C' || c == '\u201D';
	}

	String text() {
		return text;
	}

	int size() {
		return words.size();
	}

	Word word(int i) {
		return words.get(i);
	}

	/** The lower-case word at {@code i}, or null past the end. */
	String at(int i) {
		return i >= 0 && i < words.size() ? words.get(i).lower() : null;
	}

	/** The lower-case word at {@code i} if it continues the phrase that its predecessor is in, else null. */
	String next(int i) {
		return i > 0 && i < words.size() && words.get(i).joined() ? words.get(i).lower() : null;
	}

	boolean isQuoteMark(int charIndex) {
		return quoteMark[charIndex];
	}

	/** The char span of words {@code from} (inclusive) to {@code to} (exclusive). */
	int startOf(int from) {
		return words.get(from).start();
	}

	int endOf(int toExclusive) {
		return words.get(toExclusive - 1).end();
	}
}
