package dev.taskflow.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How important a task is. The rank orders them: sorting by priority descending puts HIGH first. */
public enum Priority {

	NONE, LOW, MEDIUM, HIGH;

	public int rank() {
		return ordinal();
	}

	public static Priority ofRank(int rank) {
		return values()[rank];
	}

	/** The lower-case word used in JSON, query strings and events. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Priority> parse(String value) {
		return Arrays.stream(values()).filter(p -> p.value().equals(value)).findFirst();
	}

	public static String allowedValues() {
		return "none, low, medium, high";
	}
}
