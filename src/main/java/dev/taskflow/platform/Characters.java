package dev.taskflow.platform;

/**
 * Lengths as people count them: characters are Unicode code points, so an emoji or 𠮷 is one, not the
 * two UTF-16 units {@link String#length()} counts. Every length limit on what people write is in these
 * characters, and every cut keeps whole characters.
 * <p>
 * Columns are sized for it: H2's {@code varchar(n)} counts UTF-16 units, so a column holding up to
 * {@code n} characters is {@code varchar(2n)} (V9_99), which PostgreSQL reads as characters.
 */
public final class Characters {

	private Characters() {
	}

	/** How many characters a text has. */
	public static int count(String text) {
		return text.codePointCount(0, text.length());
	}

	/** The text's first {@code max} characters (all of it if it is no longer), never half of a surrogate pair. */
	public static String cut(String text, int max) {
		if (count(text) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max));
	}
}
