package dev.taskflow.tasks;

import java.util.Map;

/**
 * A task read from an export file: its draft and, for an instance of a recurring series, where the
 * series stood, so the schedule goes on as it would have in the account it came from (the 31st after
 * a short month, {@code COUNT} counted from the series' first due). Without a place (files exported
 * before it was written, or a task that does not repeat) the task starts a series of its own, as a
 * new task does.
 */
public record ImportedTask(TaskDraft draft, SeriesPlace place) {

	/**
	 * Where an instance stood in its series.
	 * @param key the series' id in the file: instances sharing it share a series in the new account too;
	 *            null for a series of its own
	 * @param index which instance this is (1 for the first)
	 * @param anchor the due the schedule counts from, as {@link Due#format()} writes it; null if the
	 *               series had none
	 */
	public record SeriesPlace(String key, int index, String anchor) {

		public SeriesPlace {
			if (index < 1) {
				throw new IllegalArgumentException("A series counts its instances from 1");
			}
		}
	}

	/**
	 * The series the task joins once it has the id {@code id}. The first instance of a series in the file
	 * lends the series its id, as a first instance does; {@code seriesIds} remembers those, file key to id.
	 */
	Series seriesFor(long id, Map<String, Long> seriesIds) {
		if (draft.recurrence() == null) {
			return null;
		}
		if (place == null) {
			return Series.startingAt(id, draft.due());
		}
		long seriesId = place.key() == null ? id : seriesIds.computeIfAbsent(place.key(), key -> id);
		return new Series(seriesId, place.index(), place.anchor());
	}
}
