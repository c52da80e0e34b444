package dev.taskflow.eventing.internal.dapr;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The state API goes to the store the configuration names: the chart may rename the component. */
class DaprSharedStateTests {

	@Test
	void savesReadsAndDeletesInTheStateStoreTheConfigurationNames() {
		try (SidecarStandIn sidecar = new SidecarStandIn()) {
			DaprProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
					"taskflow.dapr.http-endpoint", sidecar.endpoint(), "taskflow.dapr.state-store", "conversations")))
				.bindOrCreate("taskflow.dapr", DaprProperties.class);
			DaprSharedState state = new DaprSharedState(new DaprSidecar(properties), JsonMapper.builder().build());

			state.save("chat-1", "{\"title\":\"Renew passport\"}");
			assertThat(sidecar.state()).containsOnlyKeys("conversations/chat-1");
			assertThat(state.get("chat-1")).hasValueSatisfying(json -> assertThat(json).contains("Renew passport"));

			state.delete("chat-1");
			assertThat(sidecar.state()).isEmpty();
			assertThat(sidecar.requests()).allSatisfy(request -> assertThat(request.path()).startsWith("/v1.0/state/conversations"));
		}
	}
}
