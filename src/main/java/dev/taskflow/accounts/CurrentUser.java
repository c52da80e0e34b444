package dev.taskflow.accounts;

import java.time.ZoneId;
import java.util.UUID;

/**
 * The signed-in user of a request. Declare it as a controller method parameter to receive it; it is
 * read fresh per request, so a changed time zone applies at once.
 */
public record CurrentUser(UUID id, String email, ZoneId timeZone) {
}
