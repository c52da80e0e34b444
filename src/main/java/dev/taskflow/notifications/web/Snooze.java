package dev.taskflow.notifications.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.IsoDurations;
import tools.jackson.databind.JsonNode;

/**
 * When a snoozed reminder fires again: {@code {"for": "PT10M"}} (an ISO-8601 duration, 1 minute to
 * 7 days), {@code {"until": "tomorrow"}} (9:00 tomorrow in the person's time zone) or
 * {@code {"until": "2026-12-01T09:00:00+01:00"}} (a future moment, at most 366 days ahead).
 */
final class Snooze {

	static final LocalTime TOMORROW_AT = LocalTime.of(9, 0);

	private static final Duration SHORTEST = Duration.ofMinutes(1);

	private static final Duration LONGEST_FOR = Duration.ofDays(7);

	private static final Duration LONGEST_UNTIL = Duration.ofDays(366);

	private Snooze() {
	}

	static Instant until(JsonNode body, Instant now, ZoneId zone) {
		JsonNode duration = body == null ? null : body.get("for");
		JsonNode until = body == null ? null : body.get("until");
		boolean hasFor = duration != null && !duration.isNull();
		boolean hasUntil = until != null && !until.isNull();
		if (hasFor == hasUntil) {
			throw exactlyOneOfForAndUntil(hasFor);
		}
		if (hasFor) {
			Duration length = duration(duration);
			if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST_FOR) > 0) {
				throw InvalidInput.of("for", "must be from PT1M to P7D");
			}
			return now.plus(length);
		}
		if (!until.isString()) {
			throw InvalidInput.of("until", "must be \"tomorrow\" or a date-time with offset");
		}
		if (until.asString().equals("tomorrow")) {
			return now.atZone(zone).toLocalDate().plusDays(1).atTime(TOMORROW_AT).atZone(zone).toInstant();
		}
		try {
			Instant moment = OffsetDateTime.parse(until.asString()).toInstant();
			if (!moment.isAfter(now) || moment.isAfter(now.plus(LONGEST_UNTIL))) {
				throw InvalidInput.of("until", "must be in the future, at most 366 days ahead");
			}
			return moment;
		}
		catch (DateTimeParseException ex) {
			throw InvalidInput.of("until", "must be \"tomorrow\" or a date-time with offset, e.g. 2026-12-01T09:00:00+01:00");
		}
	}

	private static InvalidInput exactlyOneOfForAndUntil(boolean both) {
		String example = "{\"for\": \"PT10M\"} or {\"until\": \"tomorrow\"}";
		if (both) {
			return new InvalidInput("Give either for or until, not both: " + example + ".",
					List.of(new InvalidInput.FieldProblem("for", "cannot be given together with until"),
							new InvalidInput.FieldProblem("until", "cannot be given together with for")));
		}
		return new InvalidInput("Say when to remind you again, with for or until: " + example + ".",
				List.of(new InvalidInput.FieldProblem("for", "is required unless until is given"),
						new InvalidInput.FieldProblem("until", "is required unless for is given")));
	}

	private static Duration duration(JsonNode node) {
		if (!node.isString()) {
			throw InvalidInput.of("for", "must be an ISO-8601 duration such as PT10M, PT1H or P1D");
		}
		try {
			return IsoDurations.parse(node.asString());
		}
		catch (DateTimeException ex) {
			throw InvalidInput.of("for", "must be an ISO-8601 duration such as PT10M, PT1H or P1D");
		}
	}
}
