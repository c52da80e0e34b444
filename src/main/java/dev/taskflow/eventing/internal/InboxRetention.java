package dev.taskflow.eventing.internal;

import java.time.Clock;
import java.time.Instant;

import dev.taskflow.platform.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the inbox bounded: entries older than {@link InboxProperties#retention()} are deleted, in
 * small batches so no sweep holds a long transaction. This also clears the entries of consumer names
 * that are gone for good (in Dapr mode every web process consumes under a name of its own).
 */
@Component
class InboxRetention {

	private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

	static final int BATCH = 5000;

	private final JdbcClient jdbc;

	private final InboxProperties properties;

	private final Clock clock;

	InboxRetention(JdbcClient jdbc, InboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Deletes what is past retention; returns how many entries went. */
	@Scheduled(fixedDelayString = "${taskflow.eventing.inbox.sweep-interval:1h}",
			initialDelayString = "${taskflow.eventing.inbox.sweep-interval:1h}")
	int forgetExpired() {
		Instant cutoff = clock.instant().minus(properties.retention());
		int total = 0;
		int deleted;
		do {
			deleted = jdbc.sql("""
					delete from event_inbox where (consumer, event_id) in (
					  select consumer, event_id from event_inbox where processed_at < :cutoff limit :batch)""")
				.param("cutoff", SqlTime.utc(cutoff))
				.param("batch", BATCH)
				.update();
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			log.debug("Forgot {} inbox entries processed before {}", total, cutoff);
		}
		return total;
	}
}
