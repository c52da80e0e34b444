package dev.taskflow.accounts.internal;

/**
 * The firewall's checks of header names and values, without a regular expression. Spring Security's
 * {@code StrictHttpFirewall} matches every header a request reads against
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (values may hold tabs too), and that matching was a few
 * per cent of an API call's CPU (bench/README.md). These loops accept and refuse exactly the same
 * strings ({@code HeaderCharactersTests} holds them to Spring's own predicates), printable ASCII
 * without a table lookup.
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	static boolean isAllowedName(String name) {
		return assignedAndNotControl(name, false);
	}

	static boolean isAllowedValue(String value) {
		return assignedAndNotControl(value, true);
	}

	private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= ' ' && c < 0x7f) || (c == '\t' && tabAllowed)) {
				continue;
			}
			int codePoint = text.codePointAt(i);
			if (!Character.isDefined(codePoint) || Character.getType(codePoint) == Character.CONTROL) {
				return false;
			}
			i += Character.charCount(codePoint) - 1;
		}
		return true;
	}
}
