package dev.taskflow.accounts.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.accounts.AccountTimeZoneChanged;
import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.accounts.NotificationPreferences;
import dev.taskflow.platform.Conflict;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.ResourceNotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountService implements Accounts {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public CurrentUser register(String email, String password, String timeZone) {
		String normalized = AccountInputRules.normalizeEmail(email);
		FieldErrors errors = new FieldErrors();
		AccountInputRules.checkEmail(normalized, errors);
		AccountInputRules.checkPassword(password, normalized, errors);
		ZoneId zone = AccountInputRules.parseTimeZone(timeZone, errors);
		errors.throwIfAny();
		if (accounts.emailExists(normalized)) {
			throw new Conflict("An account with this e-mail address already exists.");
		}
		Account account = new Account(UUID.randomUUID(), normalized, passwordEncoder.encode(password), zone);
		try {
			accounts.insert(account, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new Conflict("An account with this e-mail address already exists.");
		}
		return account.toCurrentUser();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CurrentUser> find(UUID userId) {
		return accounts.findById(userId).map(Account::toCurrentUser);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CurrentUser> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountUserDetails user
				? find(user.id()) : Optional.empty();
	}

	@Override
	@Transactional
	public CurrentUser changeTimeZone(UUID userId, String timeZone) {
		FieldErrors errors = new FieldErrors();
		if (timeZone == null || timeZone.isBlank()) {
			errors.add("time_zone", "is required");
		}
		ZoneId zone = AccountInputRules.parseTimeZone(timeZone, errors);
		errors.throwIfAny();
		// held until commit: task writes that read the zone wait, and the re-timing sees every task written before
		Account account = accounts.lock(userId, AccountLock.ZONE_CHANGE)
			.orElseThrow(() -> new ResourceNotFound("Account not found."));
		if (!account.timeZone().equals(zone)) {
			accounts.updateTimeZone(userId, zone);
			events.publishEvent(new AccountTimeZoneChanged(userId, account.timeZone(), zone, clock.instant()));
		}
		return find(userId).orElseThrow(() -> new ResourceNotFound("Account not found."));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean holdAccount(UUID userId) {
		return accounts.lock(userId, AccountLock.EXISTENCE).isPresent();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean holdAccountAlone(UUID userId) {
		return accounts.lock(userId, AccountLock.ONE_WRITER).isPresent();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<ZoneId> holdTimeZone(UUID userId) {
		return accounts.lock(userId, AccountLock.TIME_ZONE).map(Account::timeZone);
	}

	@Override
	@Transactional(readOnly = true)
	public NotificationPreferences notificationPreferencesOf(UUID userId) {
		return accounts.notificationPreferences(userId).orElse(NotificationPreferences.ALL);
	}

	@Override
	@Transactional(readOnly = true)
	public ZoneId timeZoneOf(UUID userId) {
		return accounts.findById(userId).map(Account::timeZone).orElse(ZoneId.of("UTC"));
	}
}
