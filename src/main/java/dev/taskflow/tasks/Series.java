package dev.taskflow.tasks;

/**
 * The recurring series a task belongs to: the id of its first instance and which instance this is
 * (1, 2, 3 …), so a rule's COUNT can end the series.
 */
public record Series(long id, int index) {

	public Series next() {
		return new Series(id, index + 1);
	}
}
