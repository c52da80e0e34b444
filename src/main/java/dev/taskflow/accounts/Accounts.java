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

	/**
	 * Holds the account until the caller's transaction ends, so it cannot be deleted meanwhile: a row
	 * written for it afterwards in that transaction either commits before the deletion (and goes with the
	 * account) or, if the deletion came first, is never written. Call it before writing a row that
	 * belongs to the account, and before taking any other lock.
	 * @return false if the account no longer exists: write nothing for it
	 */
	boolean holdAccount(UUID userId);

	/**
	 * Holds the account like {@link #holdAccount}, and for this caller alone among those that hold it so:
	 * for a write that checks the account's other rows before adding one (at most 50 saved views, names
	 * unique but for case), which two writers at the same instant would otherwise both pass.
	 * @return false if the account no longer exists: write nothing for it
	 */
	boolean holdAccountAlone(UUID userId);

	/**
	 * Holds the account like {@link #holdAccount} and its time zone too: a zone change waits for the
	 * caller's transaction, or the caller for the zone change, and then reads the new zone. For writes
	 * that work something out in the zone (a task's day and its reminders), which must read it here and
	 * not from a {@link CurrentUser} read before the transaction began.
	 * @return the zone, empty if the account no longer exists
	 */
	Optional<ZoneId> holdTimeZone(UUID userId);

	/** The zone a user's dates are read in; UTC for an unknown user, so event consumers never fail on it. */
	ZoneId timeZoneOf(UUID userId);

	/** How a user wants to be notified; everything on for an unknown user, as for a new one. */
	NotificationPreferences notificationPreferencesOf(UUID userId);
}
