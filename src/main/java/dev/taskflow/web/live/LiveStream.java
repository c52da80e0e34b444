package dev.taskflow.web.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.taskflow.accounts.Credential;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * One open {@code text/event-stream} response. Frames are queued and written in order by a pool thread,
 * <em>without blocking</em> (the Servlet API's {@link WriteListener}): when the client's connection takes
 * no more, writing stops until the container says it can go on, so a client that stops reading holds no
 * thread, and the event consumers and other users' streams never wait for it. Such a stream is closed
 * when its queue overflows or when {@link #closeIfStalled()} finds it took nothing since the last check;
 * the browser reconnects and reloads what it shows.
 */
final class LiveStream implements WriteListener, AsyncListener {

	static final int MAX_QUEUED = 500;

	/** Who opened it: the user, the client address and the session or token, which ending ends the stream. */
	record Owner(UUID userId, String address, Credential credential) {
	}

	/** Replaced only when its session signs in again with changed details ({@link #signedInAgainAs}). */
	private volatile Owner owner;

	private final long number;

	private final Executor writer;

	private final Consumer<LiveStream> onClose;

	private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AsyncContext async;

	private final ServletOutputStream out;

	/** Guarded by {@code this}, as every use of {@link #out} is. */
	private boolean unflushed;

	/** Frames handed to the container so far; read by {@link #closeIfStalled()}. */
	private volatile long written;

	/** Whether the last write left the container waiting for the client to take what it has. */
	private volatile boolean waitingForClient;

	/** {@link #written} when {@link #closeIfStalled()} last looked; only the heartbeat thread uses it. */
	private long writtenAtLastCheck;

	private LiveStream(Owner owner, long number, AsyncContext async, Executor writer, Consumer<LiveStream> onClose)
			throws IOException {
		this.owner = owner;
		this.number = number;
		this.async = async;
		this.out = async.getResponse().getOutputStream();
		this.writer = writer;
		this.onClose = onClose;
	}

	/**
	 * Sends the response's headers and turns the request asynchronous, to be written without blocking.
	 * @param number orders the streams of a user by when they were opened
	 * @param onClose told once, when the stream has ended for whatever reason
	 */
	static LiveStream start(HttpServletRequest request, HttpServletResponse response, Duration timeout, Owner owner,
			long number, Executor writer, Consumer<LiveStream> onClose) throws IOException {
		writeHeaders(response);
		// commits the headers while the filters' response wrappers (security headers) still see it
		response.flushBuffer();
		// the original request and response: the body goes straight to the container, unwrapped
		AsyncContext async = request.startAsync();
		async.setTimeout(timeout.toMillis());
		LiveStream stream = new LiveStream(owner, number, async, writer, onClose);
		async.addListener(stream);
		stream.out.setWriteListener(stream);
		return stream;
	}

	/** The status and headers of a stream, also what a {@code HEAD} request gets. */
	static void writeHeaders(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().noTransform().getHeaderValue());
		// nginx and similar proxies would otherwise buffer the stream
		response.setHeader("X-Accel-Buffering", "no");
	}

	Owner owner() {
		return owner;
	}

	long number() {
		return number;
	}

	/** Its session changed the account's password or e-mail and goes on signed in with the new ones. */
	void signedInAgainAs(Credential renewed) {
		owner = new Owner(owner.userId(), owner.address(), renewed);
	}

	/**
	 * Queues {@code frame} to be written.
	 * @return false if the stream had fallen {@link #MAX_QUEUED} frames behind, and was closed instead
	 */
	boolean send(byte[] frame) {
		if (closed.get()) {
			return true;
		}
		if (queued.incrementAndGet() > MAX_QUEUED) {
			close();
			return false;
		}
		queue.add(frame);
		if (drainScheduled.compareAndSet(false, true)) {
			try {
				writer.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: every stream is being closed
				drainScheduled.set(false);
			}
		}
		return true;
	}

	/**
	 * Closes the stream if the container is waiting for its client to take what was written and nothing
	 * more could be written since the last call (the heartbeat's interval): the connection is stuck, or
	 * the client stopped reading. Until the greeting is out, the wait is the container's, not the client's.
	 * @return whether it was closed
	 */
	boolean closeIfStalled() {
		long now = written;
		boolean stalled = waitingForClient && now > 0 && now == writtenAtLastCheck && !closed.get();
		writtenAtLastCheck = now;
		if (stalled) {
			close();
		}
		return stalled;
	}

	/**
	 * Ends the response; the browser's EventSource reconnects. Safe to call more than once, from any thread
	 * but one that holds this stream's lock.
	 */
	void close() {
		ended();
		synchronized (this) {
			// waits for a write under way: once the container completes the response, it may recycle the
			// stream a write would go to, and every later drain sees the stream closed
		}
		try {
			// every time: the container's error callbacks need it even when a failed write ended the stream
			async.complete();
		}
		catch (IllegalStateException ex) {
			// completed already, or the container is completing it
		}
	}

	/** Stops sending and forgets the stream; true the first time. */
	private boolean ended() {
		if (!closed.compareAndSet(false, true)) {
			return false;
		}
		queue.clear();
		onClose.accept(this);
		return true;
	}

	/**
	 * Writes what is queued for as long as the container takes it without blocking. Runs on a pool thread
	 * after {@link #send}, and on a container thread when the client is ready for more; the lock only
	 * keeps the two from writing at once, since no write waits for the client.
	 */
	private void drain() {
		drainScheduled.set(false);
		boolean failed = false;
		synchronized (this) {
			try {
				while (!closed.get()) {
					// false means the container calls onWritePossible() once the client has taken more
					if (!out.isReady()) {
						waitingForClient = true;
						return;
					}
					waitingForClient = false;
					byte[] frame = queue.poll();
					if (frame == null) {
						if (!unflushed) {
							return;
						}
						unflushed = false;
						out.flush();
						continue;
					}
					queued.decrementAndGet();
					out.write(frame);
					written++;
					unflushed = true;
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away or the response already ended
				failed = true;
			}
		}
		if (failed) {
			close();
		}
	}

	@Override
	public void onWritePossible() {
		drain();
	}

	@Override
	public void onError(Throwable error) {
		close();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		ended();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		close();
	}

	@Override
	public void onError(AsyncEvent event) {
		close();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
		// not restarted
	}
}
