package dev.taskflow.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CredentialEnded;
import dev.taskflow.platform.Characters;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.UserText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, checks and revokes personal API tokens. */
@Service
public class ApiTokenService {

	static final String PREFIX = "tf_";

	private static final int HINT_LENGTH = 8;

	/** How stale {@code last_used_at} may be: the repository writes it at most this often. */
	static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

	/** Tracked tokens above which the memory of recent touches is pruned. */
	private static final int TOUCHES_TRACKED = 10_000;

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final AccountRepository accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/**
	 * When this process last wrote each token's {@code last_used_at}: a token used within the interval
	 * costs no UPDATE at all (the repository's condition still keeps replicas from writing more often).
	 */
	private final ConcurrentHashMap<String, Instant> touched = new ConcurrentHashMap<>();

	ApiTokenService(ApiTokenRepository tokens, AccountRepository accounts, Clock clock,
			ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	/** Who a presented token belongs to, and which token it is. */
	record TokenOwner(UUID tokenId, UUID userId) {
	}

	/** A new token and its secret, which is shown to the user once and never stored. */
	public record IssuedToken(ApiToken token, String secret) {
	}

	@Transactional
	public IssuedToken issue(UUID userId, String name) {
		FieldErrors errors = new FieldErrors();
		String trimmed = name == null ? "" : name.strip();
		UserText.check("name", trimmed, UserText.Lines.ONE, errors);
		if (UserText.isBlank(trimmed)) {
			errors.add("name", "is required");
		}
		else if (Characters.count(trimmed) > 100) {
			errors.add("name", "must be at most 100 characters long");
		}
		errors.throwIfAny();
		// a token issued while the account is being deleted must not outlive it (see AccountLock)
		accounts.lock(userId, AccountLock.EXISTENCE).orElseThrow(() -> new ResourceNotFound("Account not found."));
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = new ApiToken(UUID.randomUUID(), trimmed, secret.substring(0, HINT_LENGTH),
				clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
				null);
		tokens.insert(userId, token, hash(secret));
		return new IssuedToken(token, secret);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> list(UUID userId) {
		return tokens.findByUser(userId);
	}

	@Transactional
	public void revoke(UUID userId, UUID tokenId) {
		if (!tokens.delete(userId, tokenId)) {
			throw new ResourceNotFound("No API token with id " + tokenId + ".");
		}
		events.publishEvent(new CredentialEnded(userId, Credential.apiToken(tokenId)));
	}

	/**
	 * The owner of a presented token, if it is one of ours and still valid. Runs on every API call, so
	 * it is one indexed read, plus the {@code last_used_at} write only when that is a minute old.
	 */
	Optional<TokenOwner> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String hash = hash(secret);
		Optional<TokenOwner> owner = tokens.findOwnerByHash(hash);
		owner.ifPresent(id -> touch(hash));
		return owner;
	}

	private void touch(String hash) {
		Instant now = clock.instant();
		Instant last = touched.get(hash);
		if (last != null && last.plus(TOUCH_INTERVAL).isAfter(now)) {
			return;
		}
		if (touched.size() > TOUCHES_TRACKED) {
			touched.values().removeIf(at -> at.plus(TOUCH_INTERVAL).isBefore(now));
		}
		touched.put(hash, now);
		tokens.touch(hash, now);
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
