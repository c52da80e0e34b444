package dev.taskflow.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.taskflow.platform.InvalidInput;

/**
 * Sort order of a task list: one or more keys, each ascending or descending, written
 * {@code due,-priority} (a leading minus means descending). Undated tasks sort last either way.
 */
public record TaskSort(List<Order> orders) {

	public enum Key {
		DUE, PRIORITY, CREATED, UPDATED, TITLE
	}

	public record Order(Key key, boolean descending) {
	}

	public static final TaskSort DEFAULT = new TaskSort(List.of(new Order(Key.CREATED, true)));

	public TaskSort {
		if (orders.isEmpty()) {
			throw new IllegalArgumentException("A sort needs at least one key");
		}
		orders = List.copyOf(orders);
	}

	public static TaskSort parse(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT;
		}
		List<Order> orders = new ArrayList<>();
		for (String part : text.split(",")) {
			String token = part.strip();
			boolean descending = token.startsWith("-");
			String name = descending ? token.substring(1) : token.startsWith("+") ? token.substring(1) : token;
			Key key;
			try {
				key = Key.valueOf(name.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInput.of("sort", "'" + token + "' is not a sort key; use due, priority, created, "
						+ "updated or title, with a leading - for descending");
			}
			if (orders.stream().anyMatch(o -> o.key() == key)) {
				throw InvalidInput.of("sort", "'" + name + "' is given twice");
			}
			orders.add(new Order(key, descending));
		}
		if (orders.isEmpty()) {
			// "," names no key at all
			throw InvalidInput.of("sort", "'" + text + "' names no sort key; use due, priority, created, updated or "
					+ "title, with a leading - for descending");
		}
		return new TaskSort(orders);
	}

	/** The canonical text form; cursors remember it so a cursor cannot be replayed under another sort. */
	public String format() {
		return orders.stream()
			.map(o -> (o.descending() ? "-" : "") + o.key().name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(","));
	}
}
