package dev.taskflow.accounts.internal;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) through the {@link SignInThrottle}: an attempt that must wait
 * is refused before its password is looked at, with the same answer for every e-mail.
 */
class ThrottledSignIn implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/** Too many wrong passwords for this e-mail or from this address; try again after {@link #retryAfter()}. */
	static class TooManySignInAttempts extends AuthenticationException {

		private final Duration retryAfter;

		TooManySignInAttempts(Duration retryAfter) {
			super("Too many failed sign-ins for this e-mail address or from your network.");
			this.retryAfter = retryAfter;
		}

		long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String email = attempt.getName();
		String address = attempt.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		SignInThrottle.Attempt check = begin(email, address);
		try {
			Authentication authenticated = passwords.authenticate(attempt);
			check.succeeded();
			return authenticated;
		}
		catch (BadCredentialsException ex) {
			check.failed();
			throw ex;
		}
		finally {
			check.release();
		}
	}

	private SignInThrottle.Attempt begin(String email, String address) {
		try {
			return throttle.begin(email, address);
		}
		catch (SignInThrottle.MustWait ex) {
			throw new TooManySignInAttempts(ex.waitFor());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
