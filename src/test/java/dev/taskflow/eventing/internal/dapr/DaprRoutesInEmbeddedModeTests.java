package dev.taskflow.eventing.internal.dapr;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The embedded default has no sidecar, so nothing Dapr-related exists in it. */
@TaskFlowTest
class DaprRoutesInEmbeddedModeTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theDaprRoutesDoNotExistInEmbeddedMode() throws Exception {
		TestUsers.TestUser ann = TestUsers.signUp(mvc);

		mvc.perform(ann.as(get("/dapr/subscribe"))).andExpect(status().isNotFound());
	}

	@Test
	void noDaprBeanIsCreatedInEmbeddedMode(@Autowired ApplicationContext context) {
		assertThat(context.getBeanNamesForType(DaprSidecar.class)).isEmpty();
		assertThat(context.getBeanNamesForType(DaprTransport.class)).isEmpty();
		assertThat(context.getBeanNamesForType(DaprSubscriptionController.class)).isEmpty();
		assertThat(context.getBeanNamesForType(DaprSecurityConfiguration.class)).isEmpty();
		assertThat(context.getBeanNamesForType(DaprSidecarHealthIndicator.class)).isEmpty();
		assertThat(context.getBeanNamesForType(DaprSidecarWait.class)).isEmpty();
	}
}
