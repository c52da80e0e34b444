package dev.taskflow.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.taskflow.deploy.DeployFiles.ComponentNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.taskflow.deploy.DeployFiles.APP_IDS;
import static dev.taskflow.deploy.DeployFiles.LIVE_PUBSUB;
import static dev.taskflow.deploy.DeployFiles.ROOT;
import static dev.taskflow.deploy.DeployFiles.asMap;
import static dev.taskflow.deploy.DeployFiles.at;
import static dev.taskflow.deploy.DeployFiles.find;
import static dev.taskflow.deploy.DeployFiles.maps;
import static dev.taskflow.deploy.DeployFiles.strings;
import static dev.taskflow.deploy.DeployFiles.yaml;
import static dev.taskflow.deploy.DeployFiles.yamlFilesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dapr resources for self-hosted sidecars: dapr/components (loaded by every sidecar), the
 * swappable alternatives beside it, and the sidecar configuration.
 */
class DaprComponentTests {

	private static final String DEFAULT_RESOURCES = "dapr/components";

	private static final List<String> ALTERNATIVES = List.of("dapr/components-cloud", "dapr/components-redis");

	private static final Set<String> KINDS = Set.of("Component", "Resiliency", "Configuration", "Subscription");

	static Stream<Path> resourceFiles() {
		return Stream.of(List.of(DEFAULT_RESOURCES), ALTERNATIVES, List.of("dapr/config"))
			.flatMap(List::stream)
			.flatMap(directory -> yamlFilesIn(directory).stream());
	}

	static Stream<Path> componentFiles() {
		return resourceFiles().filter(file -> "Component".equals(yaml(file).get("kind")));
	}

	@ParameterizedTest
	@MethodSource("resourceFiles")
	void everyResourceFileIsADaprResourceOfAKnownKind(Path file) {
		Map<String, Object> resource = yaml(file);
		assertThat(resource.get("apiVersion")).as(file.toString()).isEqualTo("dapr.io/v1alpha1");
		assertThat(resource.get("kind")).as(file.toString()).isIn(KINDS);
		assertThat((String) at(resource, "metadata", "name")).isNotBlank();
	}

	@ParameterizedTest
	@MethodSource("componentFiles")
	void everyComponentHasATypeVersionOneAndWellFormedMetadata(Path file) {
		Map<String, Object> component = yaml(file);
		assertThat((String) at(component, "spec", "type")).as(file.toString()).matches("[a-z]+(\\.[a-z0-9]+)+");
		assertThat((String) at(component, "spec", "version")).as(file.toString()).isEqualTo("v1");
		for (Map<String, Object> entry : maps(at(component, "spec", "metadata"))) {
			assertThat(entry).as("%s: %s", file, entry).containsKey("name");
			assertThat(entry.containsKey("value") ^ entry.containsKey("secretKeyRef"))
				.as("%s: %s has exactly one of value and secretKeyRef", file, entry.get("name"))
				.isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("componentFiles")
	void everyComponentIsScopedToKnownAppIds(Path file) {
		List<String> scopes = strings(at(yaml(file), "scopes"));
		assertThat(scopes).as(file.toString()).isNotEmpty().doesNotHaveDuplicates().allMatch(APP_IDS::contains);
	}

	@ParameterizedTest
	@MethodSource("componentFiles")
	void credentialsAreSecretKeyRefsResolvedThroughTheApplicationsSecretStore(Path file) {
		ComponentNames names = ComponentNames.ofTheApplication();
		Map<String, Object> component = yaml(file);
		Map<String, Object> secrets = localSecrets();
		for (Map<String, Object> entry : maps(at(component, "spec", "metadata"))) {
			String name = (String) entry.get("name");
			if (name.matches("(?i).*(password|connectionstring|username|token|apikey).*")) {
				assertThat(entry).as("%s: %s must come from a secret", file, name).containsKey("secretKeyRef");
			}
			if (entry.containsKey("secretKeyRef")) {
				assertThat((String) at(component, "auth", "secretStore")).as(file.toString())
					.isEqualTo(names.secretStore());
				String secret = at(entry, "secretKeyRef", "name");
				String key = at(entry, "secretKeyRef", "key");
				assertThat(find(secrets, secret, key)).as("%s: local secret %s/%s", file, secret, key).isPresent();
			}
		}
	}

	@Test
	void theDefaultResourcesPathHoldsEachComponentOnce() {
		List<String> names = new ArrayList<>();
		for (Path file : yamlFilesIn(DEFAULT_RESOURCES)) {
			Map<String, Object> resource = yaml(file);
			if ("Component".equals(resource.get("kind"))) {
				names.add(at(resource, "metadata", "name"));
			}
		}
		assertThat(names).doesNotHaveDuplicates().containsAll(ComponentNames.ofTheApplication().all());
	}

	@Test
	void eachAlternativeReplacesTheDefaultFileOfTheSameComponent() {
		for (String directory : ALTERNATIVES) {
			for (Path alternative : yamlFilesIn(directory)) {
				Path replaced = ROOT.resolve(DEFAULT_RESOURCES).resolve(alternative.getFileName());
				assertThat(replaced).as("default file %s replaces", alternative).exists();
				assertThat((String) at(yaml(alternative), "metadata", "name"))
					.isEqualTo(at(yaml(replaced), "metadata", "name"));
				assertThat(strings(at(yaml(alternative), "scopes")))
					.containsExactlyInAnyOrderElementsOf(strings(at(yaml(replaced), "scopes")));
			}
		}
	}

	@Test
	void theLocalSecretStoreReadsTheMountedSecretsFileAsMultiValuedSecrets() {
		Map<String, Object> store = component(ComponentNames.ofTheApplication().secretStore());
		assertThat((String) at(store, "spec", "type")).isEqualTo("secretstores.local.file");
		assertThat(metadata(store)).containsEntry("secretsFile", "/dapr/secrets/taskflow-secrets.json")
			.containsEntry("multiValued", "true");
	}

	@Test
	void theReminderCronIsAnInputBindingTickingEveryThirtySeconds() {
		Map<String, Object> cron = component(ComponentNames.ofTheApplication().cronBinding());
		assertThat((String) at(cron, "spec", "type")).isEqualTo("bindings.cron");
		assertThat(metadata(cron)).containsEntry("schedule", "@every 30s").containsEntry("direction", "input");
		assertThat(strings(at(cron, "scopes"))).containsExactlyInAnyOrder("taskflow", "taskflow-reminders");
	}

	@Test
	void thePostgresStateStoreKeepsItsTablesOutOfTheSchemaFlywayMigrates() {
		Map<String, Object> store = component(ComponentNames.ofTheApplication().stateStore());
		assertThat((String) at(store, "spec", "type")).isEqualTo("state.postgresql");
		DeployFiles.assertStateStoreTablesAreInASchemaOfTheirOwn(metadata(store), DEFAULT_RESOURCES);
	}

	@Test
	void thePubSubTalksPlaintextToTheLocalRedpandaAndSaslOverTlsToTheCloud() {
		String pubsub = ComponentNames.ofTheApplication().pubsub();
		Map<String, Object> local = component(pubsub);
		assertThat((String) at(local, "spec", "type")).isEqualTo("pubsub.kafka");
		assertThat(metadata(local)).containsEntry("authType", "none").containsEntry("disableTls", "true");

		Map<String, Object> cloud = yaml(ROOT.resolve("dapr/components-cloud/pubsub.yaml"));
		assertThat(metadata(cloud)).containsEntry("authType", "password")
			.containsEntry("saslMechanism", "SHA-256")
			.containsEntry("disableTls", "false");
		assertThat(secretRefs(cloud)).containsOnlyKeys("saslUsername", "saslPassword");
	}

	@Test
	void theLivePubSubIsTheSharedKafkaWithAConsumerGroupPerProcessLocallyAndOnTheCloud() {
		String pubsub = ComponentNames.ofTheApplication().pubsub();
		assertIsTheLiveTwinOf(component(LIVE_PUBSUB), component(pubsub), DEFAULT_RESOURCES);
		assertIsTheLiveTwinOf(yaml(ROOT.resolve("dapr/components-cloud/pubsub-live.yaml")),
				yaml(ROOT.resolve("dapr/components-cloud/pubsub.yaml")), "dapr/components-cloud");
	}

	@Test
	void everyAppIdLoadsExactlyOneOfTheTwoPubSubs() {
		List<String> shared = strings(at(component(ComponentNames.ofTheApplication().pubsub()), "scopes"));
		List<String> live = strings(at(component(LIVE_PUBSUB), "scopes"));
		assertThat(live).as("the live pub/sub is scoped, or every sidecar would load it").isNotEmpty();
		assertThat(shared).doesNotContainAnyElementsOf(live);
		Set<String> both = new HashSet<>(shared);
		both.addAll(live);
		assertThat(both).containsExactlyInAnyOrderElementsOf(APP_IDS);
	}

	@Test
	void resiliencyTargetsOnlyComponentsThatExist() {
		Map<String, Object> resiliency = resource("Resiliency");
		Set<String> components = new HashSet<>();
		yamlFilesIn(DEFAULT_RESOURCES).forEach(file -> components.add(at(yaml(file), "metadata", "name")));
		Map<String, Object> targets = at(resiliency, "spec", "targets");
		Map<String, Object> policies = at(resiliency, "spec", "policies");

		Map<String, Object> componentTargets = asMap(targets.get("components"));
		assertThat(componentTargets.keySet()).isSubsetOf(components)
			.contains(ComponentNames.ofTheApplication().pubsub());
		Map<String, Object> pubsubTarget = asMap(componentTargets.get(ComponentNames.ofTheApplication().pubsub()));
		assertThat(pubsubTarget).containsKeys("outbound", "inbound");
		assertThat(targets).as("app targets govern service invocation, which TaskFlow never uses").doesNotContainKey("apps");

		List<Map<String, Object>> uses = new ArrayList<>();
		componentTargets.values().forEach(target -> asMap(target).values().forEach(use -> uses.add(asMap(use))));
		for (Map<String, Object> use : uses) {
			find(use, "timeout").ifPresent(name -> assertThat(policy(policies, "timeouts")).containsKey(String.valueOf(name)));
			find(use, "retry").ifPresent(name -> assertThat(policy(policies, "retries")).containsKey(String.valueOf(name)));
			find(use, "circuitBreaker").ifPresent(name -> assertThat(policy(policies, "circuitBreakers")).containsKey(String.valueOf(name)));
		}
	}

	@Test
	void deliveryRetriesWaitOutAnHourLongOutageAndStillEndOnTheDeadLetterTopic() {
		Map<String, Object> resiliency = resource("Resiliency");
		List<String> pubsubs = yamlFilesIn(DEFAULT_RESOURCES).stream()
			.map(DeployFiles::yaml)
			.filter(resource -> "Component".equals(resource.get("kind")))
			.filter(component -> String.valueOf(find(component, "spec", "type").orElse("")).startsWith("pubsub."))
			.map(component -> (String) at(component, "metadata", "name"))
			.toList();
		assertThat(pubsubs).contains(ComponentNames.ofTheApplication().pubsub(), LIVE_PUBSUB);
		for (String pubsub : pubsubs) {
			String retry = at(resiliency, "spec", "targets", "components", pubsub, "inbound", "retry");
			Map<String, Object> policy = at(resiliency, "spec", "policies", "retries", retry);
			assertThat(DeployFiles.shortestRetryTime(policy)).as(pubsub).isGreaterThanOrEqualTo(Duration.ofHours(1));
		}
	}

	@Test
	void theSidecarConfigurationSamplesTraces() {
		Map<String, Object> configuration = yaml(ROOT.resolve("dapr/config/config.yaml"));
		assertThat((String) at(configuration, "kind")).isEqualTo("Configuration");
		double samplingRate = Double.parseDouble(at(configuration, "spec", "tracing", "samplingRate"));
		assertThat(samplingRate).isBetween(0.0, 1.0);
	}

	/**
	 * The live pub/sub is the shared one (same brokers, client, authentication and TLS) but for its
	 * consumer group, one per process ({@code {podName}}, the sidecar's POD_NAME), and its start at
	 * the newest offset; the shared one leaves the group to Dapr, the app id.
	 */
	static void assertIsTheLiveTwinOf(Map<String, Object> live, Map<String, Object> shared, String where) {
		assertThat((String) at(live, "spec", "type")).as("%s live type", where).isEqualTo("pubsub.kafka");
		assertThat((String) at(shared, "spec", "type")).as("%s shared type", where).isEqualTo("pubsub.kafka");
		Map<String, String> liveMetadata = metadata(live);
		Map<String, String> sharedMetadata = metadata(shared);
		assertThat(liveMetadata).as("%s live pub/sub", where)
			.containsEntry("consumerGroup", "{podName}")
			.containsEntry("initialOffset", "newest")
			.doesNotContainKey("consumerID");
		assertThat(sharedMetadata).as("%s: the shared pub/sub's group is the app id", where)
			.doesNotContainKeys("consumerGroup", "consumerID");
		assertThat(liveMetadata.get("brokers")).as("%s brokers", where).isNotBlank().isEqualTo(sharedMetadata.get("brokers"));

		Set<String> ownSettings = Set.of("consumerGroup", "initialOffset");
		Map<String, String> liveConnection = new LinkedHashMap<>(liveMetadata);
		Map<String, String> sharedConnection = new LinkedHashMap<>(sharedMetadata);
		liveConnection.keySet().removeAll(ownSettings);
		sharedConnection.keySet().removeAll(ownSettings);
		assertThat(liveConnection).as("%s: the same Kafka client settings as the shared pub/sub", where).isEqualTo(sharedConnection);
		assertThat(secretRefs(live)).as("%s: the same credentials", where).isEqualTo(secretRefs(shared));
		assertThat(find(live, "auth", "secretStore")).as("%s secret store", where).isEqualTo(find(shared, "auth", "secretStore"));
	}

	static Map<String, Object> component(String name) {
		for (Path file : yamlFilesIn(DEFAULT_RESOURCES)) {
			Map<String, Object> resource = yaml(file);
			if ("Component".equals(resource.get("kind")) && name.equals(find(resource, "metadata", "name").orElse(null))) {
				return resource;
			}
		}
		throw new AssertionError("no component " + name + " in " + DEFAULT_RESOURCES);
	}

	static Map<String, String> metadata(Map<String, Object> component) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map<String, Object> entry : maps(at(component, "spec", "metadata"))) {
			if (entry.containsKey("value")) {
				values.put((String) entry.get("name"), String.valueOf(entry.get("value")));
			}
		}
		return values;
	}

	static Map<String, Map<String, Object>> secretRefs(Map<String, Object> component) {
		Map<String, Map<String, Object>> refs = new LinkedHashMap<>();
		for (Map<String, Object> entry : maps(at(component, "spec", "metadata"))) {
			if (entry.containsKey("secretKeyRef")) {
				refs.put((String) entry.get("name"), asMap(entry.get("secretKeyRef")));
			}
		}
		return refs;
	}

	static Map<String, Object> localSecrets() {
		return yaml(ROOT.resolve("dapr/secrets/taskflow-secrets.json"));
	}

	private static Map<String, Object> resource(String kind) {
		return yamlFilesIn(DEFAULT_RESOURCES).stream()
			.map(DeployFiles::yaml)
			.filter(resource -> kind.equals(resource.get("kind")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " in " + DEFAULT_RESOURCES));
	}

	private static Map<String, Object> policy(Map<String, Object> policies, String kind) {
		return asMap(policies.get(kind));
	}

}
