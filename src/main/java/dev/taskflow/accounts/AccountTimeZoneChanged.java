package dev.taskflow.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A user's time zone changed. Published inside the changing transaction, so what other modules worked
 * out in the old zone when it was written (the moment an all-day task's day begins, and with it its
 * reminders and place in the list) is worked out again in a synchronous listener, together with the
 * change or not at all.
 */
public record AccountTimeZoneChanged(UUID userId, ZoneId previous, ZoneId current, Instant changedAt) {
}
