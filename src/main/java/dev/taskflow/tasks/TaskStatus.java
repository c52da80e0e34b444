package dev.taskflow.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum TaskStatus {

	PENDING, COMPLETED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<TaskStatus> parse(String value) {
		return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
	}

	public static String allowedValues() {
		return "pending, completed";
	}
}
