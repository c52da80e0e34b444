package dev.taskflow.eventing.internal;

import java.time.Clock;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** A retry round while the database is out of reach says so in one line, not a stack trace per round. */
class PublicationRetrierTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger(PublicationRetrier.class);

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@AfterEach
	void detach() {
		logger.detachAppender(lines);
	}

	@Test
	void aRoundWithoutTheDatabaseIsOneLine() {
		lines.start();
		logger.addAppender(lines);
		PublicationRetrier retrier = new PublicationRetrier(options -> {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
					new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
		}, new EventingProperties(null, null, null, null, null), Clock.systemUTC(),
				new TransportOutage((topic, event) -> {
				}, Clock.systemUTC()));

		assertThatNoException().isThrownBy(retrier::resubmitDuePublications);

		List<ILoggingEvent> logged = lines.list;
		assertThat(logged).singleElement().satisfies(line -> {
			assertThat(line.getFormattedMessage()).isEqualTo("Failed event publications not resubmitted, the database is "
					+ "out of reach: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available");
			assertThat(line.getThrowableProxy()).isNull();
		});
	}
}
