package dev.taskflow.eventing.internal.dapr;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Readiness follows the sidecar's {@code /v1.0/healthz}; liveness does not. */
@DaprTest
class DaprReadinessTests {

	private static final SidecarStandIn sidecar = DaprTest.SIDECAR;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void sidecarBack() {
		sidecar.recover();
	}

	@Test
	void theAppIsReadyWhileTheSidecarIsHealthy() throws Exception {
		sidecar.recover();
		sidecar.forget();

		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));

		assertThat(sidecar.requests()).anySatisfy(request -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.path()).isEqualTo("/v1.0/healthz");
			assertThat(request.header("dapr-api-token")).isEqualTo(DaprTest.DAPR_API_TOKEN);
		});
	}

	@Test
	void theAppIsNotReadyButAliveWhileTheSidecarIsUnhealthy() throws Exception {
		sidecar.answerHealthChecksWith(500);

		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());

		sidecar.recover();
		await().untilAsserted(() -> mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk()));
	}

	@Test
	void theAppIsNotReadyWhileTheSidecarIsGone() throws Exception {
		sidecar.becomeUnreachable();

		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
	}
}
