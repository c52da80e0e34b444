package dev.taskflow.tasks;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.taskflow.platform.Characters;
import dev.taskflow.platform.FieldErrors;

/**
 * Tag rules. Tags are categories ("work", "personal"), so {@code Work}, {@code #work} and
 * {@code " work "} are the same tag; inner spaces become dashes.
 */
public final class Tags {

	public static final int MAX_TAGS = 20;

	/** In characters ({@link Characters}), after normalising. */
	public static final int MAX_LENGTH = 40;

	/**
	 * The characters a normalised tag may hold, as a regular-expression character class body that reads
	 * the same in Java and in JSON Schema (ECMA-262 with Unicode): letters with their combining marks
	 * (Devanagari's vowel signs, a decomposed accent), digits and {@code - _ . / :}. The MCP tools'
	 * input schema states the same rule from this constant.
	 */
	public static final String CHARACTERS = "\\p{L}\\p{M}\\p{N}_./:-";

	private static final Pattern ALLOWED = Pattern.compile("[" + CHARACTERS + "]+");

	private Tags() {
	}

	/**
	 * The tag as stored: lower-case, without leading {@code #}, inner spaces as dashes, in Unicode's
	 * composed form (NFC). Lower-casing a Turkish capital İ gives i and a combining dot, which the i
	 * already has: the dot is dropped, so {@code İstanbul} is the tag {@code istanbul}.
	 */
	public static String normalize(String tag) {
		String value = tag.strip().toLowerCase(Locale.ROOT).replace("i\u0307", "i");
		while (value.startsWith("#")) {
			value = value.substring(1);
		}
		return Normalizer.normalize(value.strip().replaceAll("\\s+", "-"), Normalizer.Form.NFC);
	}

	/** Normalises and de-duplicates; reports every bad tag under {@code field[index]}. */
	public static List<String> normalizeAll(List<String> tags, String field, FieldErrors errors) {
		Set<String> result = new LinkedHashSet<>();
		for (int i = 0; i < tags.size(); i++) {
			String raw = tags.get(i);
			String tag = raw == null ? "" : normalize(raw);
			String where = field + "[" + i + "]";
			if (tag.isEmpty()) {
				errors.add(where, "must not be empty");
			}
			else if (Characters.count(tag) > MAX_LENGTH) {
				errors.add(where, "must be at most " + MAX_LENGTH + " characters long");
			}
			else if (!ALLOWED.matcher(tag).matches()) {
				errors.add(where, "may contain only letters, digits and - _ . / :");
			}
			else {
				result.add(tag);
			}
		}
		if (result.size() > MAX_TAGS) {
			errors.add(field, "must have at most " + MAX_TAGS + " tags");
		}
		return new ArrayList<>(result);
	}
}
