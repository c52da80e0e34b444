package dev.taskflow.tasks.web;

import java.time.ZoneId;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.ImportedTask.SeriesPlace;
import tools.jackson.databind.JsonNode;

/**
 * Reads where an exported task stood in its series: {@code series_id}, {@code series_index} and
 * {@code series_anchor}, which the API shows and ignores on writes but an import honours. A row without
 * {@code series_index} (a file from before it was exported) has no place, and its task starts afresh.
 * Cells of a CSV file arrive as strings, so numbers are read from either.
 */
final class SeriesPlaces {

	private SeriesPlaces() {
	}

	/** The row's place, or null if it names none; problems go to {@code errors}. */
	static SeriesPlace read(JsonNode row, ZoneId zone, FieldErrors errors) {
		JsonNode index = row.get("series_index");
		if (index == null || index.isNull()) {
			return null;
		}
		Long number = wholeNumber(index);
		if (number == null || number < 1 || number > Integer.MAX_VALUE) {
			errors.add("series_index", "must be a whole number from 1 (the series' first instance)");
		}
		JsonNode id = row.get("series_id");
		String key = null;
		if (id != null && !id.isNull()) {
			Long seriesId = wholeNumber(id);
			if (seriesId == null) {
				errors.add("series_id", "must be a whole number");
			}
			key = String.valueOf(seriesId);
		}
		String anchor = anchor(row.get("series_anchor"), zone, errors);
		return errors.isEmpty() ? new SeriesPlace(key, number.intValue(), anchor) : null;
	}

	private static String anchor(JsonNode anchor, ZoneId zone, FieldErrors errors) {
		if (anchor == null || anchor.isNull()) {
			return null;
		}
		if (!anchor.isString()) {
			errors.add("series_anchor", "must be " + Due.EXPECTED);
			return null;
		}
		return Due.parse(anchor.stringValue(), zone).map(Due::format).orElseGet(() -> {
			errors.add("series_anchor", "'" + anchor.stringValue() + "' is not " + Due.EXPECTED);
			return null;
		});
	}

	private static Long wholeNumber(JsonNode node) {
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}
}
