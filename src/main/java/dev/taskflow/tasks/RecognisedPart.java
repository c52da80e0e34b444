package dev.taskflow.tasks;

/**
 * A piece of a quick-add line the parser understood: what kind it is, where it stands in the text
 * ({@code start} inclusive, {@code end} exclusive, as char offsets) and a short human rendering for a
 * preview chip ("Tomorrow 9:00", "High priority", "#work", "Every weekday", "30 min before").
 */
public record RecognisedPart(Kind kind, int start, int end, String text, String label) {

	public enum Kind {

		DUE, PRIORITY, TAG, RECURRENCE, REMINDER
	}

	public boolean overlaps(RecognisedPart other) {
		return start < other.end && other.start < end;
	}
}
