package dev.taskflow.tasks;

/**
 * The recurring series a task belongs to: the id of its first instance, which instance this is
 * (1, 2, 3 …) and the series' anchor, the due its schedule counts from in the due's own form
 * ({@code 2026-01-31} or {@code 2026-01-31T09:00:00+01:00}; see {@link Due#format()}). The anchor
 * is null while the series has no due date, and for series started before anchors were kept.
 */
public record Series(long id, int index, String anchor) {

	/** A series whose first instance is task {@code id}, anchored at its due. */
	public static Series startingAt(long id, Due due) {
		return new Series(id, 1, null).anchoredAt(due);
	}

	public Series next() {
		return new Series(id, index + 1, anchor);
	}

	/** The same series, its schedule now counted from {@code due}. */
	public Series anchoredAt(Due due) {
		return new Series(id, index, due == null ? null : due.format());
	}
}
