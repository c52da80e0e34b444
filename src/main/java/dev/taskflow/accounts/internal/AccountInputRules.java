package dev.taskflow.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.taskflow.platform.Characters;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.UserText;

/**
 * What we accept as an e-mail, a password and a time zone. The password rules follow NIST SP
 * 800-63B: length over composition, and nothing that bcrypt would silently truncate (72 bytes).
 */
final class AccountInputRules {

	static final int MIN_PASSWORD_LENGTH = 10;

	static final int MAX_PASSWORD_BYTES = 72;

	/**
	 * A local part, {@code @} and a domain with a dot. Neither part may hold white space of any script,
	 * controls, format characters (bidi overrides, zero-width space) or the characters that delimit an
	 * address in a header or in HTML ({@code <>()[]\,;:"}): a quoted local part is legal but no one
	 * needs one, and letters of every script (RFC 6531) stay allowed.
	 */
	private static final String ADDRESS_CHARACTER = "[^@\\p{IsWhite_Space}\\p{Z}\\p{Cc}\\p{Cf}<>()\\[\\]\\\\,;:\"]";

	private static final Pattern EMAIL = Pattern
		.compile("^" + ADDRESS_CHARACTER + "{1,64}@" + ADDRESS_CHARACTER + "+\\." + ADDRESS_CHARACTER + "+$");

	private AccountInputRules() {
	}

	static String normalizeEmail(String email) {
		return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
	}

	static void checkEmail(String email, FieldErrors errors) {
		if (email == null || email.isBlank()) {
			errors.add("email", "is required");
		}
		else if (UserText.check("email", email, UserText.Lines.ONE, errors)
				&& (email.length() > 320 || !EMAIL.matcher(email).matches())) {
			errors.add("email", "is not a valid e-mail address");
		}
	}

	static void checkPassword(String password, String email, FieldErrors errors) {
		checkPassword("password", password, email, errors);
	}

	static void checkPassword(String field, String password, String email, FieldErrors errors) {
		if (password == null || password.isEmpty()) {
			errors.add(field, "is required");
			return;
		}
		if (Characters.count(password) < MIN_PASSWORD_LENGTH) {
			errors.add(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters long");
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			errors.add(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes long");
		}
		else if (password.chars().distinct().count() < 4) {
			errors.add(field, "is too easy to guess; use more different characters");
		}
		else if (CommonPasswords.contains(password)) {
			errors.add(field, "is one of the most common passwords; choose one that is harder to guess");
		}
		else if (email != null && containsEmail(password.toLowerCase(Locale.ROOT), email)) {
			errors.add(field, "must not contain your e-mail address");
		}
	}

	/** The whole address, or its local part when that is long enough to be a real guess (not "m"). */
	private static boolean containsEmail(String password, String email) {
		String local = email.split("@")[0];
		return password.contains(email) || (local.length() >= 4 && password.contains(local));
	}

	/**
	 * Reads a time zone: an IANA name, in any case ({@code europe/berlin}). Offsets ({@code +05:00},
	 * {@code UTC+2}, {@code GMT+5}) are refused although {@link ZoneId#of} reads them: a fixed offset
	 * ignores daylight saving, so all-day tasks and "tomorrow 9:00" would be off by an hour for half the
	 * year, and the picker could not show the zone. Whoever really wants a fixed offset has its IANA
	 * name ({@code Etc/GMT-5}). Java's {@code SystemV/} zones are not IANA names (the tz database dropped
	 * them in 2020b) and are refused too.
	 */
	static ZoneId parseTimeZone(String timeZone, FieldErrors errors) {
		if (timeZone == null || timeZone.isBlank()) {
			return ZoneId.of("UTC");
		}
		String name = timeZone.trim();
		return ZoneId.getAvailableZoneIds()
			.stream()
			.filter(zone -> !zone.startsWith("SystemV/"))
			.filter(zone -> zone.equalsIgnoreCase(name))
			.findFirst()
			.map(ZoneId::of)
			.orElseGet(() -> {
				errors.add("time_zone", "'" + timeZone
						+ "' is not a known time zone (use an IANA name such as Europe/Berlin; offsets such as +05:00 are not time zones)");
				return null;
			});
	}
}
