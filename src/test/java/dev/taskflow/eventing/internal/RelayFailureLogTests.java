package dev.taskflow.eventing.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.OutgoingEvent;
import dev.taskflow.eventing.internal.EventTransport.TransportUnavailable;
import dev.taskflow.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker that is down for a while under load is a handful of log lines, not one per event. */
class RelayFailureLogTests {

	private final MovableClock clock = new MovableClock();

	private final RelayFailureLog failures = new RelayFailureLog(clock);

	private final Logger logger = (Logger) LoggerFactory.getLogger(RelayFailureLog.class);

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private Level levelBefore;

	private final Method relay = relayMethod();

	@BeforeEach
	void listen() {
		levelBefore = logger.getLevel();
		logger.setLevel(Level.INFO);
		lines.start();
		logger.addAppender(lines);
	}

	@AfterEach
	void stopListening() {
		logger.detachAppender(lines);
		logger.setLevel(levelBefore);
	}

	@Test
	void refusalsAreOneLineAMinuteThatCountsTheOnesInBetween() {
		failures.failed(relay, refused("HTTP 500 kafka: client has run out of available brokers"));
		for (int i = 0; i < 250; i++) {
			clock.advance(Duration.ofMillis(200));
			failures.failed(relay, refused("HTTP 500 again"));
		}
		// 50 s later: still the first line only
		assertThat(messages()).singleElement().asString().contains("client has run out of available brokers");

		clock.advance(Duration.ofSeconds(10));
		failures.failed(relay, refused("HTTP 500 once more"));

		assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
		assertThat(messages()).hasSize(2).last().asString().contains("HTTP 500 once more").contains("and 250 more");
	}

	@Test
	void anUnreachableTransportAndAnEventWaitingForItsPredecessorAreNoLinesOfTheirOwn() {
		for (int i = 0; i < 100; i++) {
			failures.failed(relay, new TransportUnavailable("connection refused", null, true));
			failures.failed(relay, new OutboxRelay.OutOfOrder(thirdOfTask1(), 1));
		}

		assertThat(lines.list).isEmpty();
	}

	@Test
	void anythingElseIsAnErrorWithItsStackTrace() {
		failures.failed(relay, new IllegalStateException("a bug"));

		assertThat(lines.list).singleElement().satisfies(line -> {
			assertThat(line.getLevel()).isEqualTo(Level.ERROR);
			assertThat(line.getThrowableProxy().getMessage()).isEqualTo("a bug");
		});
	}

	@Test
	void springModulithsLineForEachFailedAttemptIsRoutineForTheRelayOnly() throws NoSuchMethodException {
		String modulith = "org.springframework.modulith.events.support."
				+ "CompletionRegisteringAdvisor$CompletionRegisteringMethodInterceptor";
		String format = "Invocation of listener {} failed with message {}. Leaving event publication uncompleted.";

		assertThat(failures.matches(modulith, format, new Object[] { relay, "connection refused" })).isTrue();
		assertThat(failures.matches(modulith, format,
				new Object[] { Object.class.getMethod("toString"), "another listener's failure" })).isFalse();
		assertThat(failures.matches(RelayFailureLog.class.getName(), format, new Object[] { relay, "x" })).isFalse();
	}

	private static OutgoingEvent thirdOfTask1() {
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/taskflow/tests", "test.happened", Instant.now(),
				null, "1", null, JsonNodeFactory.instance.objectNode());
		return OutgoingEvent.ordered("task-1", 3, List.of(new OutgoingEvent.Message("tests", envelope)));
	}

	private static TransportUnavailable refused(String message) {
		return new TransportUnavailable(message, null);
	}

	private List<String> messages() {
		return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static Method relayMethod() {
		try {
			return OutboxRelay.class.getDeclaredMethod("on", OutgoingEvent.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
