package dev.taskflow.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.platform.MailSenders;
import dev.taskflow.support.SilentSmtpServer;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail server that accepts connections and never answers holds the mail senders' threads up to the SMTP
 * time-outs, here far longer than the test. Meanwhile the other module listeners run on the application
 * task executor as usual, no database connection waits on the mail server, and the notification mails
 * behind the held ones wait their turn, kept as publications; once the server lets go, every mail has
 * been tried and no publication is left.
 */
@TaskFlowTest
@TestPropertySource(properties = "taskflow.mail.senders=2")
class SilentMailServerTests {

	@RegisterExtension
	static final SilentSmtpServer SMTP = new SilentSmtpServer();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		SMTP.addTo(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	ThreadPoolTaskExecutor applicationTasks;

	@Autowired
	@Qualifier(MailSenders.EXECUTOR)
	ThreadPoolTaskExecutor mailSenders;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mailsHeldByTheServerHoldNeitherOtherListenersNorDatabaseConnections(@Autowired TransactionTemplate transactions,
			@Autowired ApplicationEventPublisher events, @Autowired HeardElsewhere heard) throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		for (String title : List.of("Buy milk", "Call mom", "Pay rent")) {
			consumers.deliver(consumers.consumer("notifications"), ReminderDueEvents.dueInFifteenMinutes(ann.id(), title));
		}

		await().until(SMTP::accepted, accepted -> accepted >= 2);
		assertThat(applicationTasks.getActiveCount()).as("threads of the application task executor held by mail")
			.isZero();
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		await().until(() -> pool.getHikariPoolMXBean().getActiveConnections(), active -> active == 0);
		UUID probe = UUID.randomUUID();
		transactions.executeWithoutResult(status -> events.publishEvent(new SomethingElseHappened(probe)));
		await().until(() -> heard.threadOf(probe) != null);
		assertThat(heard.threadOf(probe)).startsWith(applicationTasks.getThreadNamePrefix());
		assertThat(SMTP.accepted()).as("mails sent at the same time").isEqualTo(2);
		assertThat(mailSenders.getQueueSize()).as("mails waiting their turn").isEqualTo(1);
		assertThat(mailPublicationsLeft()).as("mails kept as publications until sent").isEqualTo(3);

		SMTP.letGo();

		await().until(SMTP::accepted, accepted -> accepted == 3);
		await().until(this::mailPublicationsLeft, left -> left == 0);
	}

	private long mailPublicationsLeft() {
		return jdbc.sql("select count(*) from event_publication where listener_id like '%NotificationMailer%'")
			.query(Long.class)
			.single();
	}

	/** An event of another module, heard by a listener on the application task executor. */
	public record SomethingElseHappened(UUID id) {
	}

	static class HeardElsewhere {

		private final Map<UUID, String> threads = new ConcurrentHashMap<>();

		@ApplicationModuleListener
		void on(SomethingElseHappened event) {
			threads.put(event.id(), Thread.currentThread().getName());
		}

		/** The name of the thread the event was heard on, null until it has been. */
		public String threadOf(UUID id) {
			return threads.get(id);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listeners {

		@Bean
		HeardElsewhere heardElsewhere() {
			return new HeardElsewhere();
		}
	}
}
