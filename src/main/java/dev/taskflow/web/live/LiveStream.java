package dev.taskflow.web.live;

import java.io.IOException;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open {@code text/event-stream} response. Events are queued and written by a pool thread, one at a
 * time and in order, so a slow client never blocks the event consumer or other clients. A client that
 * falls too far behind is disconnected; its browser reconnects and reloads what it shows.
 */
final class LiveStream {

	static final int MAX_QUEUED = 500;

	private final UUID userId;

	private final String address;

	private final String credential;

	private final long number;

	private final SseEmitter emitter;

	private final Executor writer;

	private final Consumer<LiveStream> onClose;

	private final Queue<SseEmitter.SseEventBuilder> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * @param address the client address it was opened from
	 * @param credential the session or token it was opened with; ending that ends the stream
	 * @param number orders the streams of a user by when they were opened
	 */
	LiveStream(UUID userId, String address, String credential, long number, SseEmitter emitter, Executor writer,
			Consumer<LiveStream> onClose) {
		this.userId = userId;
		this.address = address;
		this.credential = credential;
		this.number = number;
		this.emitter = emitter;
		this.writer = writer;
		this.onClose = onClose;
		emitter.onCompletion(this::ended);
		emitter.onTimeout(this::close);
		emitter.onError(error -> ended());
	}

	UUID userId() {
		return userId;
	}

	String address() {
		return address;
	}

	String credential() {
		return credential;
	}

	long number() {
		return number;
	}

	void send(SseEmitter.SseEventBuilder event) {
		if (closed.get()) {
			return;
		}
		if (queued.incrementAndGet() > MAX_QUEUED) {
			close();
			return;
		}
		queue.add(event);
		if (writing.compareAndSet(false, true)) {
			try {
				writer.execute(this::write);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: every stream is being closed
				writing.set(false);
			}
		}
	}

	/** Ends the response; the browser's EventSource reconnects. Safe to call more than once. */
	void close() {
		ended();
		try {
			emitter.complete();
		}
		catch (RuntimeException ex) {
			// already completed by the container (client gone): nothing left to end
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

	private void write() {
		do {
			SseEmitter.SseEventBuilder event;
			while ((event = queue.poll()) != null) {
				queued.decrementAndGet();
				if (closed.get()) {
					continue;
				}
				try {
					emitter.send(event);
				}
				catch (IOException | IllegalStateException ex) {
					// the client went away or the response already ended: the container completes the
					// response itself, so only forget it here
					ended();
				}
			}
			writing.set(false);
		}
		while (!queue.isEmpty() && writing.compareAndSet(false, true));
	}
}
