package dev.taskflow.accounts.internal;

import java.time.ZoneId;
import java.util.UUID;

import dev.taskflow.accounts.CurrentUser;

/** A stored account, password hash included; never leaves this module. */
record Account(UUID id, String email, String passwordHash, ZoneId timeZone) {

	CurrentUser toCurrentUser() {
		return new CurrentUser(id, email, timeZone);
	}
}
