package dev.taskflow.eventing.internal;

import java.time.Clock;
import java.time.Instant;

import dev.taskflow.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits failed publications (transport down, an event waiting for its predecessor) with
 * exponential backoff per publication; while the transport cannot be reached, none, and once it can
 * again, all at once ({@link TransportOutage}). Publications that were in flight when the process died are
 * resubmitted at start-up by Spring Modulith ({@code republish-outstanding-events-on-restart}).
 */
@Component
class PublicationRetrier {

	private static final Logger log = LoggerFactory.getLogger(PublicationRetrier.class);

	/**
	 * How many failed publications one round reads (Spring Modulith's default is 100). A round resubmits only
	 * what it read, so this bounds how fast a backlog drains: at 100 a round, the 12,555 events a 30 s outage
	 * left took 86 s to go out ({@code bench/run}, bench/README.md).
	 */
	static final int PUBLICATIONS_PER_ROUND = 2_000;

	private static final ResubmissionOptions ROUND = ResubmissionOptions.defaults()
		.withBatchSize(PUBLICATIONS_PER_ROUND);

	private final FailedEventPublications failed;

	private final EventingProperties properties;

	private final Clock clock;

	private final TransportOutage outage;

	PublicationRetrier(FailedEventPublications failed, EventingProperties properties, Clock clock,
			TransportOutage outage) {
		this.failed = failed;
		this.properties = properties;
		this.clock = clock;
		this.outage = outage;
	}

	@Scheduled(fixedDelayString = "${taskflow.eventing.retry-interval:500ms}")
	void resubmitDuePublications() {
		try {
			resubmit(outage.resubmission());
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			// one line per round (each waits the pool's connection time-out) rather than Spring's stack trace
			log.warn("Failed event publications not resubmitted, the database is out of reach: {}",
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
	}

	private void resubmit(TransportOutage.Resubmission resubmission) {
		switch (resubmission) {
			case NONE -> {
				// the transport cannot be reached: reading the failed publications would be work for nothing
			}
			case ALL -> failed.resubmit(ROUND);
			case DUE -> {
				Instant now = clock.instant();
				failed.resubmit(ROUND.withFilter(publication -> isDue(publication, now)));
			}
		}
	}

	private boolean isDue(EventPublication publication, Instant now) {
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !last.plus(properties.backoff(publication.getCompletionAttempts())).isAfter(now);
	}
}
