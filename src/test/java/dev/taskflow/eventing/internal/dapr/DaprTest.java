package dev.taskflow.eventing.internal.dapr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestPropertySource;

/**
 * The full application in the {@code dapr} profile on a real port, with an in-memory H2 database of
 * its own and {@link #SIDECAR} playing the Dapr sidecar. Test classes with this annotation (and no
 * further properties) share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("dapr")
@Import(DaprTest.SidecarEndpoint.class)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:dapr-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.dapr.api-token=" + DaprTest.DAPR_API_TOKEN, "taskflow.dapr.app-api-token=" + DaprTest.APP_API_TOKEN,
		"taskflow.dapr.sidecar-wait=5s", "taskflow.eventing.initial-backoff=100ms",
		"taskflow.eventing.max-backoff=400ms", "taskflow.eventing.retry-interval=100ms" })
@interface DaprTest {

	/** What the app sends to the sidecar ({@code DAPR_API_TOKEN}). */
	String DAPR_API_TOKEN = "token-the-sidecar-expects";

	/** What the sidecar sends to the app ({@code APP_API_TOKEN}). */
	String APP_API_TOKEN = "token-the-app-expects";

	/** One stand-in for every Dapr test application; tests reset it with {@link SidecarStandIn#recover()}. */
	SidecarStandIn SIDECAR = new SidecarStandIn();

	@TestConfiguration(proxyBeanMethods = false)
	class SidecarEndpoint {

		@Bean
		DynamicPropertyRegistrar daprSidecarStandIn() {
			return registry -> registry.add("taskflow.dapr.http-endpoint", SIDECAR::endpoint);
		}
	}
}
