package dev.taskflow.eventing.internal;

import org.springframework.stereotype.Component;

/**
 * Whether the transport is known to be unreachable, so that the {@link PublicationRetrier} neither reads
 * the failed publications again and again while nothing can go out, nor leaves them to their backoff
 * once something can.
 *
 * <p>Measured with {@code bench/run} (Dapr mode, the sidecar stopped for 30 s under the create load):
 * before, every round during the outage read a batch of failed publications for nothing, and afterwards
 * a publication that had failed often waited out a backoff of up to a minute. With this and
 * {@link PublicationRetrier#PUBLICATIONS_PER_ROUND}, 12,555 waiting events took 86 s to go out before
 * and 14,928 took 30 s after.
 */
@Component
class TransportOutage {

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

	private volatile boolean ongoing;

	TransportOutage(EventTransport transport) {
		this.transport = transport;
	}

	/** A publish found the transport unreachable (no answer at all). */
	void began() {
		ongoing = true;
	}

	/** Asked by the retrier before each round; probes the transport only during an outage. */
	Resubmission resubmission() {
		if (!ongoing) {
			return Resubmission.DUE;
		}
		if (!transport.isReachable()) {
			return Resubmission.NONE;
		}
		ongoing = false;
		return Resubmission.ALL;
	}
}
