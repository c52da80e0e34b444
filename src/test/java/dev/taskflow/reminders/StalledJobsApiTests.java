package dev.taskflow.reminders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A sidecar whose Jobs API takes calls in and does not answer holds the task event deliveries that
 * schedule reminders, but not the database connections: with a pool of two and two deliveries waiting
 * on it, TaskFlow keeps answering, and once the sidecar answers both deliveries succeed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("dapr")
@Import(StalledJobsApiTests.Sidecar.class)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:stalled-jobs-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=10000",
		"taskflow.dapr.read-timeout=60s", "taskflow.dapr.app-api-token=" + StalledJobsApiTests.APP_API_TOKEN,
		"taskflow.dapr.sidecar-wait=5s" })
class StalledJobsApiTests {

	static final String APP_API_TOKEN = "stalled-jobs-token-the-app-expects";

	static final JobsSidecarStandIn SIDECAR = new JobsSidecarStandIn();

	@TestConfiguration(proxyBeanMethods = false)
	static class Sidecar {

		@Bean
		DynamicPropertyRegistrar jobsSidecarStandIn() {
			return registry -> registry.add("taskflow.dapr.http-endpoint", SIDECAR::endpoint);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void sidecarAnswers() {
		SIDECAR.reset();
	}

	@Test
	void deliveriesWaitingOnTheJobsApiLeaveTheConnectionsToRequests() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String remindAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
		List<Long> tasks = new ArrayList<>();
		for (String title : List.of("Dentist", "Call mom")) {
			tasks.add(ann.createTask(mvc,
					"{\"title\": \"%s\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(title, remindAt)));
		}
		SIDECAR.hangOnJobs();

		List<CompletableFuture<String>> deliveries = tasks.stream()
			.map(task -> CompletableFuture.supplyAsync(() -> deliver(task)))
			.toList();
		await().until(() -> tasks.stream().allMatch(task -> jobCalls(task) == 1));

		mvc.perform(ann.as(get("/api/tasks"))).andExpect(status().isOk());
		assertThat(deliveries).noneMatch(CompletableFuture::isDone);

		SIDECAR.reset();
		await().until(() -> deliveries.stream().allMatch(CompletableFuture::isDone));
		for (CompletableFuture<String> delivery : deliveries) {
			assertThat(delivery.get()).isEqualTo("SUCCESS");
		}
	}

	private String deliver(long task) {
		try {
			return SIDECAR.deliverTaskEvent("http://localhost:" + port, APP_API_TOKEN, task, 1);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long jobCalls(long task) {
		return SIDECAR.jobCalls().stream().filter(job -> job.jobName().startsWith("reminder-" + task + "-")).count();
	}
}
