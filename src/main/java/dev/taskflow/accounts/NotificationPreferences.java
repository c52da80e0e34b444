package dev.taskflow.accounts;

/**
 * How a person wants to hear about reminders.
 *
 * @param inApp in the notification inbox and as a toast on open pages (off: kept in the inbox, already read)
 * @param browser as a pop-up from the browser (Notification API), once the browser allows it
 * @param email by e-mail, when SMTP is configured
 */
public record NotificationPreferences(boolean inApp, boolean browser, boolean email) {

	/** What every account starts with. */
	public static final NotificationPreferences ALL = new NotificationPreferences(true, true, true);
}
