package dev.taskflow.tasks.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.platform.InvalidInput;

/** Reads the version a client based its change on, from {@code If-Match} or the body's {@code version}. */
final class IfMatch {

	/** An entity tag as this API writes them, a version in quotes, possibly marked weak by someone on the way. */
	private static final Pattern ETAG = Pattern.compile("(W/)?\"([1-9][0-9]{0,8})\"");

	private static final String EXPECTED = "must be * or one ETag this API returned, in its quotes, such as \"3\"";

	private IfMatch() {
	}

	/**
	 * @return the expected version, or null when the client did not say (or said {@code *})
	 * @throws InvalidInput when the header is not an ETag of this API, or differs from the body's version
	 * @throws WeakTag when the header is a weak ETag, which If-Match never matches
	 */
	static Integer expectedVersion(String ifMatch, Integer bodyVersion) {
		Integer header = parse(ifMatch);
		if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
			throw InvalidInput.of("version", "differs from the If-Match header");
		}
		return header != null ? header : bodyVersion;
	}

	private static Integer parse(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		Matcher etag = ETAG.matcher(ifMatch.strip());
		if (!etag.matches()) {
			throw InvalidInput.of("If-Match", EXPECTED);
		}
		if (etag.group(1) != null) {
			throw new WeakTag(ifMatch.strip(), etag.group(2));
		}
		return Integer.valueOf(etag.group(2));
	}

	/**
	 * A weak ETag in If-Match: RFC 9110 §13.1.1 compares If-Match strongly, so it matches no version and the
	 * answer is 412. (The version inside is exact, but honouring it would be a dialect of our own.)
	 */
	static final class WeakTag extends RuntimeException {

		WeakTag(String given, String version) {
			super("If-Match compares entity tags strongly (RFC 9110), so the weak " + given
					+ " matches no version; send the ETag as this API returned it, \"" + version + "\".");
		}
	}
}
