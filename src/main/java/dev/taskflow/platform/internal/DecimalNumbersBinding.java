package dev.taskflow.platform.internal;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths, query strings and forms are ASCII decimal digits. Spring's own reading also
 * takes hexadecimal ({@code 0x1F}, {@code #1F}), a plus sign and any script's digits (full-width
 * {@code ３１}), so {@code /api/tasks/0x1F} named task 31: one resource under many names, which caches,
 * logs and rate limits keyed by path do not expect. Anything else is a bad value (400). An editor, not
 * a converter: when a converter refuses a value, Spring tries its lenient editors next.
 */
@ControllerAdvice
class DecimalNumbersBinding {

	@InitBinder
	void decimalDigitsOnly(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new DecimalEditor(false, false));
		binder.registerCustomEditor(Long.class, new DecimalEditor(true, false));
		binder.registerCustomEditor(int.class, new DecimalEditor(false, true));
		binder.registerCustomEditor(Integer.class, new DecimalEditor(true, true));
	}

	private static final class DecimalEditor extends PropertyEditorSupport {

		private final boolean blankIsNull;

		private final boolean narrow;

		DecimalEditor(boolean blankIsNull, boolean narrow) {
			this.blankIsNull = blankIsNull;
			this.narrow = narrow;
		}

		@Override
		public void setAsText(String text) {
			String digits = text == null ? "" : text.strip();
			if (digits.isEmpty() && blankIsNull) {
				setValue(null);
				return;
			}
			if (!isDecimal(digits)) {
				throw new IllegalArgumentException("not a whole number in decimal digits: " + text);
			}
			// too large for the type: NumberFormatException, an IllegalArgumentException like the one above
			setValue(narrow ? Integer.valueOf(Integer.parseInt(digits)) : Long.valueOf(Long.parseLong(digits)));
		}

		private static boolean isDecimal(String text) {
			int start = text.startsWith("-") ? 1 : 0;
			if (start == text.length()) {
				return false;
			}
			for (int i = start; i < text.length(); i++) {
				if (text.charAt(i) < '0' || text.charAt(i) > '9') {
					return false;
				}
			}
			return true;
		}
	}
}
