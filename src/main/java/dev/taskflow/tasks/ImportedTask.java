package dev.taskflow.tasks;

import java.util.List;
import java.util.Map;

/**
 * A task read from an export file: its draft and, for an instance of a recurring series, where the
 * series stood, so the schedule goes on as it would have in the account it came from (the 31st after
 * a short month, {@code COUNT} counted from the series' first due). Without a place (files exported
 * before it was written, or a task that does not repeat) the task starts a series of its own, as a
 * new task does.
 * @param fired the reminders of {@code draft} the file says have fired already: those whose time has
 *              passed by the import stay fired rather than fire again in the new account
 */
public record ImportedTask(TaskDraft draft, SeriesPlace place, List<Reminder.Spec> fired) {

	public ImportedTask {
		fired = fired == null ? List.of() : List.copyOf(fired);
	}

	/** A task none of whose reminders has fired. */
	public ImportedTask(TaskDraft draft, SeriesPlace place) {
		this(draft, place, List.of());
	}

	/**
	 * The file key of the instance this one follows in its series (the one whose completion brought it),
	 * or null for a first instance or a task outside a shared series.
	 */
	String previousKey() {
		return place == null || place.key() == null || place.index() < 2 || draft.recurrence() == null ? null
				: placeKey(place.key(), place.index() - 1);
	}

	/** This instance's key in the file, for {@link #previousKey()} of the next; null outside a shared series. */
	String key() {
		return place == null || place.key() == null || draft.recurrence() == null ? null
				: placeKey(place.key(), place.index());
	}

	private static String placeKey(String series, int index) {
		return series + "#" + index;
	}

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
