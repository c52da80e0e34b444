package dev.taskflow.eventing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import dev.taskflow.eventing.internal.EventTransport.TransportUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the transport is known to be unreachable, so that the {@link PublicationRetrier} neither reads
 * the failed publications again and again while nothing can go out, nor leaves them to their backoff
 * once something can; and so that the {@link OutboxRelay} does not try (and wait on) the transport for
 * every new event meanwhile. An outage is logged twice, when it begins and when it ends, rather than
 * once per event (a 30 s outage under load wrote some 23,000 lines; now the app's whole log of that
 * run is 40), and a create during an outage costs what it costs with the transport up (1.3 ms of CPU
 * instead of 3–4 ms, bench/README.md).
 *
 * <p>Measured with {@code bench/run} (Dapr mode, the sidecar stopped for 30 s under the create load):
 * before, every round during the outage read a batch of failed publications for nothing, and afterwards
 * a publication that had failed often waited out a backoff of up to a minute. With this and
 * {@link PublicationRetrier#PUBLICATIONS_PER_ROUND}, 12,555 waiting events took 86 s to go out before
 * and 14,928 took 30 s after.
 */
@Component
class TransportOutage {

	private static final Logger log = LoggerFactory.getLogger(TransportOutage.class);

	/** What the retrier should resubmit now. */
	enum Resubmission {
		/** Nothing: the transport cannot be reached. */
		NONE,
		/** The publications whose backoff is over. */
		DUE,
		/** Every failed publication: the transport was unreachable and answers again. */
		ALL
	}

	private final EventTransport transport;

	private final Clock clock;

	/** When the ongoing outage began; null while there is none. */
	private final AtomicReference<Instant> since = new AtomicReference<>();

	private final LongAdder heldBack = new LongAdder();

	TransportOutage(EventTransport transport, Clock clock) {
		this.transport = transport;
		this.clock = clock;
	}

	/** A publish found the transport unreachable (no answer at all). */
	void began(TransportUnavailable cause) {
		heldBack.increment();
		if (since.compareAndSet(null, clock.instant())) {
			log.warn("Events cannot be relayed, the transport is unreachable: {}. They wait in the outbox and go out "
					+ "once it answers again.", cause.getMessage());
		}
	}

	boolean ongoing() {
		return since.get() != null;
	}

	/** An event the relay kept in the outbox without trying the transport, because of the ongoing outage. */
	void heldBack() {
		heldBack.increment();
	}

	/** Asked by the retrier before each round; probes the transport only during an outage. */
	Resubmission resubmission() {
		Instant began = since.get();
		if (began == null) {
			return Resubmission.DUE;
		}
		if (!transport.isReachable()) {
			return Resubmission.NONE;
		}
		if (since.compareAndSet(began, null)) {
			log.info("The transport answers again after {} s; relaying every waiting event ({} held back meanwhile).",
					Duration.between(began, clock.instant()).toSeconds(), heldBack.sumThenReset());
		}
		return Resubmission.ALL;
	}
}
