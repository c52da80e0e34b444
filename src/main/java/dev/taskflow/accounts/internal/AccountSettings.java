package dev.taskflow.accounts.internal;

import java.time.Clock;
import java.util.UUID;

import dev.taskflow.accounts.AccountDeleted;
import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CredentialEnded;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.accounts.NotificationPreferences;
import dev.taskflow.accounts.SignInDetailsChanged;
import dev.taskflow.platform.Conflict;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.Throttled;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in person changes about their own account: password, e-mail, notification preferences,
 * and deleting it. Whatever could lock them out or lose their data asks for the current password first,
 * so a session left open on someone else's screen cannot do it; wrong guesses count towards the same
 * back-off as failed sign-ins.
 */
@Service
public class AccountSettings {

	static final String CURRENT_PASSWORD = "current_password";

	private final AccountRepository accounts;

	private final ApiTokenRepository tokens;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountSettings(AccountRepository accounts, ApiTokenRepository tokens, PasswordEncoder passwords,
			SignInThrottle throttle, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.throttle = throttle;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Sets a new password. Every other signed-in session of the account ends (its stamp no longer
	 * matches, see {@link SignedInSessionCheck}), and with it what it opened ({@link SignInDetailsChanged});
	 * API tokens stay valid, being separate credentials that the account page lists for revoking one by one.
	 * @param changedWith the session making the change, which goes on signed in with the new password
	 * @throws dev.taskflow.platform.InvalidInput naming {@code current_password} or {@code new_password}
	 */
	@Transactional
	public void changePassword(UUID userId, String currentPassword, String newPassword, String clientAddress,
			Credential changedWith) {
		Account account = verified(userId, currentPassword, clientAddress);
		FieldErrors errors = new FieldErrors();
		AccountInputRules.checkPassword("new_password", newPassword, account.email(), errors);
		if (newPassword != null && newPassword.equals(currentPassword)) {
			errors.add("new_password", "is the same as your current password");
		}
		errors.throwIfAny();
		String newHash = passwords.encode(newPassword);
		accounts.updatePasswordHash(userId, newHash);
		signInDetailsChanged(userId, changedWith, account.email(), newHash);
	}

	/**
	 * Moves the account to another e-mail address (the one to sign in with). Other sessions end, as after
	 * a password change.
	 * @param changedWith the session making the change, which goes on signed in with the new address
	 * @throws dev.taskflow.platform.InvalidInput naming {@code current_password} or {@code email}
	 * @throws Conflict if another account has the address
	 */
	@Transactional
	public CurrentUser changeEmail(UUID userId, String currentPassword, String newEmail, String clientAddress,
			Credential changedWith) {
		String normalized = AccountInputRules.normalizeEmail(newEmail);
		FieldErrors errors = new FieldErrors();
		AccountInputRules.checkEmail(normalized, errors);
		errors.throwIfAny();
		Account account = verified(userId, currentPassword, clientAddress);
		if (normalized.equals(account.email())) {
			throw InvalidInput.of("email", "is already your e-mail address");
		}
		if (accounts.emailExists(normalized)) {
			throw new Conflict("Another account uses " + normalized + ".");
		}
		try {
			accounts.updateEmail(userId, normalized);
		}
		catch (DuplicateKeyException ex) {
			throw new Conflict("Another account uses " + normalized + ".");
		}
		signInDetailsChanged(userId, changedWith, normalized, account.passwordHash());
		return new CurrentUser(userId, normalized, account.timeZone());
	}

	@Transactional
	public NotificationPreferences changeNotificationPreferences(UUID userId, NotificationPreferences preferences) {
		accounts.updateNotificationPreferences(userId, preferences);
		return preferences;
	}

	/**
	 * Deletes the account and everything its owner kept: every per-user row follows the account's row by
	 * foreign-key cascade, and {@link AccountDeleted} lets modules erase what they keep outside the
	 * database (conversations in the Dapr state store) in this transaction. Open live streams of its API
	 * tokens end; its sessions end at their next request.
	 *
	 * <p>The account's row is locked first: a writer holding it (a task import, an audit entry being
	 * appended) finishes before, and its rows go with the account; one that comes later finds no account
	 * and writes nothing. Without the lock a row committed between the cascade and the commit stayed.
	 */
	@Transactional
	public void delete(UUID userId, String currentPassword, String clientAddress) {
		accounts.lock(userId, AccountLock.DELETION).orElseThrow(() -> new ResourceNotFound("Account not found."));
		verified(userId, currentPassword, clientAddress);
		tokens.findByUser(userId)
			.forEach(token -> events.publishEvent(new CredentialEnded(userId, Credential.apiToken(token.id()))));
		events.publishEvent(new AccountDeleted(userId, clock.instant()));
		accounts.delete(userId);
	}

	private void signInDetailsChanged(UUID userId, Credential changedWith, String email, String passwordHash) {
		events.publishEvent(new SignInDetailsChanged(userId,
				changedWith.signedInAgainAs(AccountUserDetails.stampOf(email, passwordHash))));
	}

	private Account verified(UUID userId, String currentPassword, String clientAddress) {
		Account account = accounts.findById(userId).orElseThrow(() -> new ResourceNotFound("Account not found."));
		SignInThrottle.Attempt check = begin(account.email(), clientAddress);
		try {
			if (currentPassword == null || currentPassword.isEmpty()) {
				throw InvalidInput.of(CURRENT_PASSWORD, "is required");
			}
			if (!passwords.matches(currentPassword, account.passwordHash())) {
				check.failed();
				throw InvalidInput.of(CURRENT_PASSWORD, "is not your current password");
			}
			check.succeeded();
			return account;
		}
		finally {
			check.release();
		}
	}

	private SignInThrottle.Attempt begin(String email, String clientAddress) {
		try {
			return throttle.begin(email, clientAddress);
		}
		catch (SignInThrottle.MustWait ex) {
			throw Throttled.caller("Too many wrong passwords. Wait a little and try again.", ex.waitFor());
		}
	}
}
