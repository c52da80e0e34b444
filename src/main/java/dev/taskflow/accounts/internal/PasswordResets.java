package dev.taskflow.accounts.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import dev.taskflow.accounts.SignInDetailsChanged;
import dev.taskflow.platform.AfterCommit;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.MailSenders;
import dev.taskflow.platform.RateLimit;
import dev.taskflow.platform.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets an owner who cannot sign in (forgotten password, or slowed down by someone guessing at their
 * account) set a new password through a single-use link e-mailed to their address. Available when SMTP
 * is configured and {@code taskflow.accounts.public-url} says where the links point (never the
 * request's Host header, which a client chooses). A request answers the same, and as soon, whether or
 * not the address has an account (the link is mailed after commit, on the {@link MailSenders}' threads),
 * and is throttled per address and per e-mail.
 */
@Service
public class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	static final Duration VALID_FOR = Duration.ofMinutes(30);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final SignInThrottle signIns;

	private final ObjectProvider<JavaMailSender> mail;

	private final ObjectProvider<Executor> mailSenders;

	private final String publicUrl;

	private final String mailFrom;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RateLimit perEmail;

	private final RateLimit perAddress;

	PasswordResets(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder passwords, SignInThrottle signIns,
			ObjectProvider<JavaMailSender> mail, @Qualifier(MailSenders.EXECUTOR) ObjectProvider<Executor> mailSenders,
			@Value("${taskflow.accounts.public-url:}") String publicUrl,
			@Value("${taskflow.notifications.mail-from:TaskFlow <taskflow@localhost>}") String mailFrom,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.signIns = signIns;
		this.mail = mail;
		this.mailSenders = mailSenders;
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
		this.mailFrom = mailFrom;
		this.events = events;
		this.clock = clock;
		this.perEmail = new RateLimit(3, Duration.ofHours(1), clock, 100_000);
		this.perAddress = new RateLimit(10, Duration.ofHours(1), clock, 100_000);
	}

	/** Whether links can be sent at all (SMTP and the public URL configured). */
	public boolean available() {
		return !publicUrl.isEmpty() && mail.getIfAvailable() != null && mailSenders.getIfAvailable() != null;
	}

	/**
	 * E-mails a reset link if {@code email} has an account and neither it nor {@code clientAddress} asked
	 * too often. Says nothing about which happened, so nobody learns who has an account.
	 */
	@Transactional
	public void request(String email, String clientAddress) {
		JavaMailSender sender = mail.getIfAvailable();
		Executor senders = mailSenders.getIfAvailable();
		if (publicUrl.isEmpty() || sender == null || senders == null || email == null) {
			return;
		}
		String normalized = AccountInputRules.normalizeEmail(email);
		if (perAddress.tryAcquire(clientAddress).isPresent() || perEmail.tryAcquire(normalized).isPresent()) {
			log.debug("Password reset for {} from {} not sent: asked too often", normalized, clientAddress);
			return;
		}
		// held until commit, so a link asked for while the account is being deleted is not left behind
		Optional<Account> held = accounts.findByEmail(normalized)
			.flatMap(found -> accounts.lock(found.id(), AccountLock.EXISTENCE));
		held.ifPresent(account -> {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			jdbc.sql("insert into password_resets (token_hash, user_id, expires_at) values (:hash, :user, :expires)")
				.param("hash", ApiTokenService.hash(secret))
				.param("user", account.id())
				.param("expires", SqlTime.utc(clock.instant().plus(VALID_FOR)))
				.update();
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(mailFrom);
			message.setTo(account.email());
			message.setSubject("Reset your TaskFlow password");
			message.setText("Someone (we hope you) asked to reset the password of your TaskFlow account.\n\n"
					+ "Choose a new password here within " + VALID_FOR.toMinutes() + " minutes:\n" + publicUrl
					+ "/password-reset/" + secret + "\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n");
			AfterCommit.run(() -> sendLater(senders, sender, message));
		});
	}

	private static void sendLater(Executor senders, JavaMailSender sender, SimpleMailMessage message) {
		try {
			senders.execute(() -> {
				try {
					sender.send(message);
				}
				catch (MailException ex) {
					log.warn("Could not e-mail a password reset link: {}", ex.getMessage());
				}
			});
		}
		catch (TaskRejectedException ex) {
			log.warn("Could not e-mail a password reset link: the mail senders are shutting down");
		}
	}

	/** Whether {@code secret} is a link that can still be used (to show the form, or say it expired). */
	@Transactional(readOnly = true)
	public boolean isValid(String secret) {
		return owner(secret).isPresent();
	}

	/**
	 * Sets a new password through a link, which then stops working (as do the owner's other links), and
	 * ends any sign-in back-off for the account. Every session of the account ends, and with it what it
	 * opened ({@link SignInDetailsChanged}).
	 * @throws dev.taskflow.platform.InvalidInput if the password breaks the rules or the link is not valid
	 */
	@Transactional
	public void reset(String secret, String newPassword) {
		FieldErrors errors = new FieldErrors();
		Optional<Account> account = owner(secret).flatMap(accounts::findById);
		if (account.isEmpty()) {
			errors.add("link", "has expired or was already used; ask for a new one");
			errors.throwIfAny();
		}
		AccountInputRules.checkPassword(newPassword, account.get().email(), errors);
		errors.throwIfAny();
		jdbc.sql("update users set password_hash = :hash where id = :id")
			.param("hash", passwords.encode(newPassword))
			.param("id", account.get().id())
			.update();
		jdbc.sql("delete from password_resets where user_id = :id").param("id", account.get().id()).update();
		events.publishEvent(new SignInDetailsChanged(account.get().id(), null));
		signIns.endBackOff(account.get().email());
	}

	private Optional<UUID> owner(String secret) {
		if (secret == null || secret.isBlank() || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql("select user_id from password_resets where token_hash = :hash and expires_at > :now")
			.param("hash", ApiTokenService.hash(secret))
			.param("now", SqlTime.utc(now))
			.query(UUID.class)
			.optional();
	}
}
