package dev.taskflow.accounts;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** The accounts module's façade. */
public interface Accounts {

	/**
	 * Signs a new user up.
	 * @throws dev.taskflow.platform.InvalidInput if the e-mail, password or time zone is unacceptable
	 * @throws dev.taskflow.platform.Conflict if the e-mail is already registered
	 */
	CurrentUser register(String email, String password, String timeZone);

	Optional<CurrentUser> find(UUID userId);

	/**
	 * The user signed in on the current request, if any — for what every page shows, such as the views
	 * menu. Without a request (a stand-in, an event consumer) nobody is signed in.
	 */
	default Optional<CurrentUser> signedIn() {
		return Optional.empty();
	}

	CurrentUser changeTimeZone(UUID userId, String timeZone);

	/** The zone a user's dates are read in; UTC for an unknown user, so event consumers never fail on it. */
	ZoneId timeZoneOf(UUID userId);

	/** How a user wants to be notified; everything on for an unknown user, as for a new one. */
	NotificationPreferences notificationPreferencesOf(UUID userId);
}
