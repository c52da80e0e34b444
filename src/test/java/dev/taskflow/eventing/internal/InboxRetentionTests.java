package dev.taskflow.eventing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.taskflow.platform.SqlTime;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@TaskFlowTest
class InboxRetentionTests {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Test
	void entriesPastRetentionAreForgottenAndRecentOnesKept() {
		String consumer = "retention-" + UUID.randomUUID();
		UUID old = record(consumer, NOW.minus(Duration.ofDays(8)));
		UUID borderline = record(consumer, NOW.minus(Duration.ofDays(7)).plusSeconds(1));
		UUID recent = record(consumer, NOW.minusSeconds(5));
		InboxRetention retention = new InboxRetention(jdbc, new InboxProperties(Duration.ofDays(7), null),
				Clock.fixed(NOW, ZoneOffset.UTC));

		retention.forgetExpired();

		assertThat(jdbc.sql("select event_id from event_inbox where consumer = :consumer")
			.param("consumer", consumer)
			.query(UUID.class)
			.list()).containsExactlyInAnyOrder(borderline, recent).doesNotContain(old);
	}

	@Test
	void aLargeBacklogIsForgottenInBatches() {
		String consumer = "web-live-" + UUID.randomUUID();
		int backlog = InboxRetention.BATCH + 10;
		for (int i = 0; i < backlog; i++) {
			record(consumer, NOW.minus(Duration.ofDays(40)));
		}
		InboxRetention retention = new InboxRetention(jdbc, new InboxProperties(null, null),
				Clock.fixed(NOW, ZoneOffset.UTC));

		assertThat(retention.forgetExpired()).isGreaterThanOrEqualTo(backlog);
		assertThat(jdbc.sql("select count(*) from event_inbox where consumer = :consumer")
			.param("consumer", consumer)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void retentionShorterThanAnHourIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new InboxProperties(Duration.ofMinutes(5), null))
			.withMessageContaining("retention");
	}

	private UUID record(String consumer, Instant processedAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into event_inbox (consumer, event_id, processed_at) values (:consumer, :id, :at)")
			.param("consumer", consumer)
			.param("id", id)
			.param("at", SqlTime.utc(processedAt))
			.update();
		return id;
	}
}
