package dev.taskflow.tasks.web;

import dev.taskflow.platform.InvalidInput;

/** Reads the version a client based its change on, from {@code If-Match} or the body's {@code version}. */
final class IfMatch {

	private IfMatch() {
	}

	/**
	 * @return the expected version, or null when the client did not say (or said {@code *})
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
		String value = ifMatch.strip();
		if (value.startsWith("W/")) {
			// RFC 9110 compares If-Match strongly, so a weak tag would never match; but the tags are strong
			// and only a proxy that compresses the answer weakens them, while the version inside is exact
			value = value.substring(2);
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.of("If-Match", "must be an ETag this API returned, such as \"3\"");
		}
	}
}
