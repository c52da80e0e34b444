package dev.taskflow.eventing.internal.dapr;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaprPropertiesTests {

	@Test
	void blankTokensFromTheEnvironmentMeanNoToken() {
		DaprProperties properties = bind(Map.of("taskflow.dapr.api-token", "", "taskflow.dapr.app-api-token", "  "));

		assertThat(properties.apiToken()).isNull();
		assertThat(properties.appApiToken()).isNull();
	}

	@Test
	void defaultsFollowTheDaprContract() {
		DaprProperties properties = bind(Map.of());

		assertThat(properties.httpEndpoint()).isEqualTo(URI.create("http://localhost:3500"));
		assertThat(properties.pubsubName()).isEqualTo("taskflow-pubsub");
		assertThat(properties.stateStore()).isEqualTo("taskflow-statestore");
		assertThat(properties.secretStore()).isEqualTo("taskflow-secrets");
		assertThat(properties.cronBinding()).isEqualTo("reminder-cron");
		assertThat(properties.sidecarWait()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.connectTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(5));
		assertThat(properties.readTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void componentNamesComeFromTheVariablesTheHelmChartSets() {
		Map<String, Object> environment = Map.of("TASKFLOW_DAPR_PUBSUBNAME", "events", "TASKFLOW_DAPR_STATESTORE",
				"conversations", "TASKFLOW_DAPR_CRONBINDING", "sweep");
		DaprProperties properties = new Binder(ConfigurationPropertySources.from(
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.bindOrCreate("taskflow.dapr", DaprProperties.class);

		assertThat(properties.pubsubName()).isEqualTo("events");
		assertThat(properties.stateStore()).isEqualTo("conversations");
		assertThat(properties.cronBinding()).isEqualTo("sweep");
	}

	@Test
	void anEndpointThatIsNotAnHttpUrlIsRefusedAtStartUp() {
		assertThatThrownBy(() -> bind(Map.of("taskflow.dapr.http-endpoint", "localhost:3500")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("DAPR_HTTP_ENDPOINT");
	}

	@Test
	void tokensNeverShowInTheTextForm() {
		DaprProperties properties = bind(Map.of("taskflow.dapr.api-token", "s3cret-one", "taskflow.dapr.app-api-token",
				"s3cret-two"));

		assertThat(properties.toString()).doesNotContain("s3cret");
	}

	private static DaprProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("taskflow.dapr", DaprProperties.class);
	}
}
