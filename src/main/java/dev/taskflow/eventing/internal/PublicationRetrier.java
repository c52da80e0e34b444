package dev.taskflow.eventing.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits failed publications (transport down, an event waiting for its predecessor) with
 * exponential backoff per publication. Publications that were in flight when the process died are
 * resubmitted at start-up by Spring Modulith ({@code republish-outstanding-events-on-restart}).
 */
@Component
class PublicationRetrier {

	private final FailedEventPublications failed;

	private final EventingProperties properties;

	private final Clock clock;

	PublicationRetrier(FailedEventPublications failed, EventingProperties properties, Clock clock) {
		this.failed = failed;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${taskflow.eventing.retry-interval:500ms}")
	void resubmitDuePublications() {
		Instant now = clock.instant();
		failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> isDue(publication, now)));
	}

	private boolean isDue(EventPublication publication, Instant now) {
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !last.plus(properties.backoff(publication.getCompletionAttempts())).isAfter(now);
	}
}
