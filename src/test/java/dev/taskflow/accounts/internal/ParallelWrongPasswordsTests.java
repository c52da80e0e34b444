package dev.taskflow.accounts.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import dev.taskflow.accounts.Credential;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.Throttled;
import dev.taskflow.support.MovableClock;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wrong passwords sent at the same instant: each check is held until all of them have either reached
 * the password check or been refused, so a throttle that counts a failure only once its check is over
 * would let every one of them through.
 */
class ParallelWrongPasswordsTests {

	private static final int SENT = 12;

	private static final int ALLOWED = 5;

	private final SignInThrottle throttle = new SignInThrottle(
			new AccountsProperties(ALLOWED, Duration.ofMinutes(15), Set.of(), null, null, null, 20, Duration.ofSeconds(1)),
			new MovableClock());

	private final AtomicInteger checked = new AtomicInteger();

	private final CountDownLatch answer = new CountDownLatch(1);

	private final ExecutorService senders = Executors.newFixedThreadPool(SENT);

	@AfterEach
	void stopSenders() {
		answer.countDown();
		senders.shutdownNow();
	}

	@Test
	void parallelWrongPasswordsAtSignInAreCheckedNoMoreOftenThanTheLimitAllows() throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(
				email -> User.withUsername(email).password("{noop}right").build());
		passwords.setPasswordEncoder(slowWrongPasswords());
		ThrottledSignIn signIn = new ThrottledSignIn(passwords, throttle);

		List<Class<?>> outcomes = sendAtOnce(i -> () -> signIn
			.authenticate(signInFrom("10.0.0." + i, "victim@example.com", "wrong password " + i)));

		assertThat(outcomes).filteredOn(BadCredentialsException.class::equals).hasSize(ALLOWED);
		assertThat(outcomes).filteredOn(ThrottledSignIn.TooManySignInAttempts.class::equals).hasSize(SENT - ALLOWED);
	}

	@Test
	void parallelWrongCurrentPasswordsAreCheckedNoMoreOftenThanTheLimitAllows() throws Exception {
		Account account = new Account(UUID.randomUUID(), "victim@example.com", "{noop}right", ZoneId.of("UTC"));
		AccountSettings settings = new AccountSettings(accountRepositoryWith(account), null, slowWrongPasswords(),
				throttle, event -> {
				}, new MovableClock());

		List<Class<?>> outcomes = sendAtOnce(i -> () -> settings.changePassword(account.id(), "wrong password " + i,
				"a brand new passphrase", "10.0.0.1", Credential.session("a-session", "its-stamp")));

		assertThat(outcomes).filteredOn(InvalidInput.class::equals).hasSize(ALLOWED);
		assertThat(outcomes).filteredOn(Throttled.class::equals).hasSize(SENT - ALLOWED);
	}

	/**
	 * Sends {@link #SENT} attempts together; once each is either inside its password check or refused,
	 * the checks answer. The outcome of each is the exception it ended with.
	 */
	private List<Class<?>> sendAtOnce(IntFunction<Runnable> attempt) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger refused = new AtomicInteger();
		List<Future<Class<?>>> sent = IntStream.range(0, SENT).mapToObj(i -> senders.submit(() -> {
			start.await();
			try {
				attempt.apply(i).run();
				return (Class<?>) Void.class;
			}
			catch (RuntimeException ex) {
				if (!(ex instanceof BadCredentialsException || ex instanceof InvalidInput)) {
					refused.incrementAndGet();
				}
				return (Class<?>) ex.getClass();
			}
		})).toList();
		start.countDown();
		await().until(() -> checked.get() + refused.get() == SENT);
		answer.countDown();
		return sent.stream().map(ParallelWrongPasswordsTests::outcome).toList();
	}

	private static Class<?> outcome(Future<Class<?>> sent) {
		try {
			return sent.get(1, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			throw new AssertionError("an attempt did not end", ex);
		}
	}

	private PasswordEncoder slowWrongPasswords() {
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return "{noop}" + rawPassword;
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				checked.incrementAndGet();
				awaitAnswer();
				return false;
			}
		};
	}

	private static AccountRepository accountRepositoryWith(Account account) {
		org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource(); // only asked for its product name
		database.setURL("jdbc:h2:mem:parallel-wrong-passwords");
		return new AccountRepository(null, database) {

			@Override
			Optional<Account> findById(UUID id) {
				return Optional.of(account).filter(a -> a.id().equals(id));
			}
		};
	}

	private void awaitAnswer() {
		try {
			answer.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static UsernamePasswordAuthenticationToken signInFrom(String address, String email, String password) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
		attempt.setDetails(new WebAuthenticationDetails((HttpServletRequest) request));
		return attempt;
	}
}
