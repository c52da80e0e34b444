package dev.taskflow.web.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CredentialCheck;
import dev.taskflow.platform.Throttled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live streams open in this process, by user. An event for a user goes to every stream of that
 * user and to nobody else's. Streams get a heartbeat comment (and are closed when their client took
 * nothing since the previous one), end after
 * {@link LiveProperties#streamTimeout()} (the browser reconnects), and are ended before the web server
 * shuts down, so a graceful shutdown does not wait for them.
 *
 * <p>A stream ends with what it was opened with: at once when that ends in this process (sign-out,
 * token revoked, another session changing the password or e-mail), and at the next heartbeat when it
 * ended in another process, where the events of the change stay: each heartbeat asks the
 * {@link CredentialCheck} about every stream's credential, as each request of a session checks it.
 */
@Component
class LiveStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	/** Tells the browser how long to wait before reconnecting. */
	private static final long RECONNECT_MILLIS = 3000;

	private static final int WRITERS = 4;

	/** When a refused client may try again; a stream slot frees up as soon as any tab closes. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	/**
	 * How long an ended credential is remembered at least. A credential never comes back (session and
	 * token ids are not reused), so remembering it longer does no harm; forgetting bounds the memory, and
	 * a request takes far less than this from being signed in to registering its stream.
	 */
	static final Duration ENDED_REMEMBERED = Duration.ofMinutes(2);

	/** Ended credentials above which those remembered long enough are forgotten. */
	private static final int ENDED_TRACKED = 10_000;

	private final LiveProperties properties;

	private final Map<UUID, Set<LiveStream>> byUser = new ConcurrentHashMap<>();

	private final AtomicLong opened = new AtomicLong();

	/**
	 * Credentials that ended lately, and when. A stream signed in with one just before it ended may
	 * register only after {@link #closeAll(String)} looked for it: it finds its credential here and ends.
	 * Registering and checking, and noting and looking, each happen under {@code endings}, so one of the
	 * two always sees the other.
	 */
	private final Map<String, Instant> ended = new ConcurrentHashMap<>();

	private final Object endings = new Object();

	/**
	 * Users whose password or e-mail changed lately, and when: a stream signed in with the old ones just
	 * before may register only after {@link #endSignInsOtherThan} looked for the streams to end; it is
	 * checked against the database as it registers. Kept like {@link #ended}, under {@code endings}.
	 */
	private final Map<UUID, Instant> signInsChanged = new ConcurrentHashMap<>();

	private final CredentialCheck credentials;

	private final Clock clock;

	/** Open streams by client address, and in all; guarded by {@code this}. */
	private final Map<String, Integer> byAddress = new HashMap<>();

	private int open;

	private volatile ExecutorService writers;

	private volatile ScheduledExecutorService heartbeats;

	/** Streams closed because their client stopped taking what was sent: a sign of stalling connections. */
	private final Counter stalled;

	private final Counter fellBehind;

	LiveStreams(LiveProperties properties, CredentialCheck credentials, MeterRegistry meters, Clock clock) {
		this.properties = properties;
		this.credentials = credentials;
		this.clock = clock;
		Gauge.builder("taskflow.live.streams", this, LiveStreams::openInAll)
			.description("Live streams (GET /api/stream) open in this process")
			.register(meters);
		this.stalled = closedCounter(meters, "stalled");
		this.fellBehind = closedCounter(meters, "fell-behind");
	}

	private static Counter closedCounter(MeterRegistry meters, String reason) {
		return Counter.builder("taskflow.live.streams.closed")
			.tag("reason", reason)
			.description("Live streams closed because their client stopped taking what was sent: nothing for a "
					+ "heartbeat interval (stalled) or " + LiveStream.MAX_QUEUED + " events queued (fell-behind)")
			.register(meters);
	}

	/**
	 * Opens a stream for {@code owner}'s user on {@code response}; it receives events from now on, until the
	 * session or token it was opened with {@linkplain #closeAll(String) ends}, even if it ended while the
	 * stream was being opened.
	 * @throws Throttled when the owner's address or the whole process has as many streams open as allowed
	 */
	void open(LiveStream.Owner owner, HttpServletRequest request, HttpServletResponse response) {
		ExecutorService writer = writers;
		if (writer == null) {
			throw Throttled.serviceWide("The service is shutting down; reconnect in a moment.", RETRY_AFTER);
		}
		reserve(owner.address());
		LiveStream stream;
		try {
			stream = LiveStream.start(request, response, properties.streamTimeout(), owner, opened.incrementAndGet(),
					writer, this::forget);
		}
		catch (IOException ex) {
			// the client hung up before the headers went out: nobody is left to tell, nothing to keep
			release(owner.address());
			log.debug("Live stream not started, the client has gone: {}", ex.toString());
			return;
		}
		catch (RuntimeException ex) {
			release(owner.address());
			throw ex;
		}
		Set<LiveStream> streams;
		boolean credentialEnded;
		boolean signInChanged;
		synchronized (endings) {
			// atomically with forget(), which drops a user's set once it is empty
			streams = byUser.compute(owner.userId(), (id, current) -> {
				Set<LiveStream> set = current == null ? ConcurrentHashMap.newKeySet() : current;
				set.add(stream);
				return set;
			});
			credentialEnded = ended.containsKey(owner.credential().value());
			signInChanged = signInChangedLately(owner.userId()) && !owner.credential().isApiToken();
		}
		if (credentialEnded || signInChanged && !endedNow(owner.userId(), List.of(owner.credential())).isEmpty()) {
			stream.close();
			return;
		}
		closeOldestBeyondLimit(streams);
		stream.send(EventStreamFrames.greeting(RECONNECT_MILLIS));
	}

	/** Sends one event to every open stream of {@code userId}. */
	void push(UUID userId, String type, String id, String json) {
		Set<LiveStream> streams = byUser.get(userId);
		if (streams == null) {
			return;
		}
		byte[] frame = EventStreamFrames.event(type, id, json);
		for (LiveStream stream : streams) {
			send(stream, frame);
		}
	}

	/**
	 * Ends every stream opened with {@code credential}: its session ended or its token was revoked.
	 * A stream still being opened with it ends as soon as it registers.
	 */
	void closeAll(Credential credential) {
		List<LiveStream> toClose;
		synchronized (endings) {
			remember(ended, credential.value());
			toClose = byUser.values()
				.stream()
				.flatMap(Set::stream)
				.filter(stream -> stream.owner().credential().isSameAs(credential))
				.toList();
		}
		toClose.forEach(LiveStream::close);
	}

	/**
	 * Ends the streams of {@code userId}'s sessions and Basic requests but {@code keptSession}'s, whose
	 * streams go on as it is signed in now: the account's password or e-mail changed. API tokens' streams
	 * go on too. A stream still being opened with the old details ends as soon as it registers.
	 * @param keptSession the session that made the change; null if none did
	 */
	void endSignInsOtherThan(UUID userId, Credential keptSession) {
		List<LiveStream> toClose = new ArrayList<>();
		synchronized (endings) {
			remember(signInsChanged, userId);
			for (LiveStream stream : byUser.getOrDefault(userId, Set.of())) {
				Credential credential = stream.owner().credential();
				if (credential.isSameAs(keptSession)) {
					stream.signedInAgainAs(keptSession);
				}
				else if (!credential.isApiToken()) {
					toClose.add(stream);
				}
			}
		}
		toClose.forEach(LiveStream::close);
	}

	private <K> void remember(Map<K, Instant> remembered, K key) {
		Instant now = clock.instant();
		remembered.put(key, now);
		if (remembered.size() > ENDED_TRACKED) {
			Instant longEnough = now.minus(ENDED_REMEMBERED);
			remembered.values().removeIf(at -> at.isBefore(longEnough));
		}
	}

	/** Whether {@code userId}'s password or e-mail changed so lately that a stream may be registering late. */
	private boolean signInChangedLately(UUID userId) {
		Instant changed = signInsChanged.get(userId);
		return changed != null && !changed.isBefore(clock.instant().minus(ENDED_REMEMBERED));
	}

	/**
	 * Which of {@code userId}'s credentials no longer sign in, as the database says now; none when it
	 * cannot say (unreachable): streams then go on until it can.
	 */
	private Set<Credential> endedNow(UUID userId, Collection<Credential> signedIn) {
		try {
			return credentials.endedAmong(userId, signedIn);
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the sign-ins of {}'s live streams: {}", userId, ex.toString());
			return Set.of();
		}
	}

	/**
	 * Ends the streams whose credential ended elsewhere: a token revoked or the password or e-mail changed
	 * in another process. A stream renewed meanwhile ({@link LiveStream#signedInAgainAs}) no longer holds
	 * the credential that was checked, and goes on.
	 */
	private void closeSignedOut() {
		byUser.forEach((userId, streams) -> {
			Set<Credential> ended = endedNow(userId,
					streams.stream().map(stream -> stream.owner().credential()).collect(Collectors.toSet()));
			if (!ended.isEmpty()) {
				streams.stream().filter(stream -> ended.contains(stream.owner().credential())).forEach(LiveStream::close);
			}
		});
	}

	/** How many streams {@code userId} has open in this process. */
	int openStreams(UUID userId) {
		Set<LiveStream> streams = byUser.get(userId);
		return streams == null ? 0 : streams.size();
	}

	private void closeOldestBeyondLimit(Set<LiveStream> streams) {
		int excess = streams.size() - properties.maxStreamsPerUser();
		if (excess > 0) {
			List<LiveStream> oldest = streams.stream()
				.sorted(Comparator.comparingLong(LiveStream::number))
				.limit(excess)
				.toList();
			oldest.forEach(LiveStream::close);
		}
	}

	private void send(LiveStream stream, byte[] frame) {
		if (!stream.send(frame)) {
			fellBehind.increment();
		}
	}

	private synchronized int openInAll() {
		return open;
	}

	private synchronized void reserve(String address) {
		if (byAddress.getOrDefault(address, 0) >= properties.maxStreamsPerAddress()) {
			throw Throttled.caller("Too many live streams are open from your address; close some tabs.", RETRY_AFTER);
		}
		if (open >= properties.maxStreams()) {
			throw Throttled.serviceWide("Too many live streams are open right now; try again shortly.", RETRY_AFTER);
		}
		byAddress.merge(address, 1, Integer::sum);
		open++;
	}

	private synchronized void release(String address) {
		byAddress.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
		open--;
	}

	private void forget(LiveStream stream) {
		release(stream.owner().address());
		byUser.computeIfPresent(stream.owner().userId(), (id, streams) -> {
			streams.remove(stream);
			return streams.isEmpty() ? null : streams;
		});
	}

	/**
	 * Keeps idle streams open, closes those whose client took nothing since the last beat, then those
	 * whose credential ended in another process.
	 */
	private void heartbeat() {
		byte[] keepAlive = EventStreamFrames.comment("keep-alive");
		byUser.values().forEach(streams -> streams.forEach(stream -> {
			if (stream.closeIfStalled()) {
				stalled.increment();
			}
			else {
				send(stream, keepAlive);
			}
		}));
		closeSignedOut();
	}

	@Override
	public void start() {
		writers = Executors.newFixedThreadPool(WRITERS, daemonThreads("live-stream-writer-"));
		heartbeats = Executors.newSingleThreadScheduledExecutor(daemonThreads("live-stream-heartbeat"));
		long every = properties.heartbeat().toMillis();
		heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
	}

	/** Runs before the web server's graceful shutdown (a higher phase stops earlier). */
	@Override
	public void stop() {
		ScheduledExecutorService beating = heartbeats;
		ExecutorService writing = writers;
		heartbeats = null;
		writers = null;
		if (beating != null) {
			beating.shutdownNow();
		}
		byUser.values().forEach(streams -> List.copyOf(streams).forEach(LiveStream::close));
		if (writing != null) {
			writing.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return writers != null;
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
			thread.setDaemon(true);
			return thread;
		};
	}
}
