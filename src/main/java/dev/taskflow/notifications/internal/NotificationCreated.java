package dev.taskflow.notifications.internal;

import java.util.UUID;

/**
 * A notification was stored; published in its transaction. Spring Modulith's publication registry
 * keeps it until the e-mail listener has run, so a crash between commit and sending loses no mail.
 */
record NotificationCreated(long notificationId, UUID userId, String title, String message) {
}
