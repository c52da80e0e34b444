package dev.taskflow.accounts.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after too many wrong passwords in a row, for the sign-in form and
 * HTTP Basic alike. The lock lives in the database, so every replica enforces it.
 */
@Component
class SignInThrottle {

	private final AccountRepository accounts;

	private final AccountsProperties properties;

	private final Clock clock;

	SignInThrottle(AccountRepository accounts, AccountsProperties properties, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt
				&& attempt.getName() != null) {
			accounts.recordFailedSignIn(AccountInputRules.normalizeEmail(attempt.getName()),
					properties.maxFailedSignIns(), clock.instant().plus(properties.lockout()));
		}
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken
				&& event.getAuthentication().getPrincipal() instanceof AccountUserDetails user) {
			accounts.recordSuccessfulSignIn(user.id());
		}
	}
}
