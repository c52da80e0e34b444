package dev.taskflow.reminders.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import dev.taskflow.eventing.Roles;
import dev.taskflow.reminders.ReminderRecorder;
import dev.taskflow.tasks.ReminderClaims;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The application in embedded mode on an in-memory H2 database of its own (no other test context
 * fires reminders on it), with a second reminder scheduler racing the first, as a second replica
 * would, and a {@link ReminderRecorder}. The sweep interval is long, so a reminder that fires within
 * a test's wait was fired by the scheduler waking up for it, not by the safety-net sweep.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ ReminderRecorder.Config.class, ReminderTest.SecondScheduler.class })
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:reminder-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.reminders.sweep-interval=10m" })
public @interface ReminderTest {

	@TestConfiguration(proxyBeanMethods = false)
	class SecondScheduler {

		@Bean
		EmbeddedReminderScheduler secondReminderScheduler(ReminderFiring firing, ReminderClaims claims, Roles roles,
				RemindersProperties properties, Clock clock) {
			return new EmbeddedReminderScheduler(firing, claims, roles, properties, clock);
		}
	}
}
