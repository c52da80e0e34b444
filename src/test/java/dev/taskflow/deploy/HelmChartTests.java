package dev.taskflow.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import dev.taskflow.deploy.DeployFiles.ComponentNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.taskflow.deploy.DeployFiles.APP_IDS;
import static dev.taskflow.deploy.DeployFiles.LIVE_PUBSUB;
import static dev.taskflow.deploy.DeployFiles.PUBSUB_VARIABLE;
import static dev.taskflow.deploy.DeployFiles.ROOT;
import static dev.taskflow.deploy.DeployFiles.asMap;
import static dev.taskflow.deploy.DeployFiles.at;
import static dev.taskflow.deploy.DeployFiles.find;
import static dev.taskflow.deploy.DeployFiles.flag;
import static dev.taskflow.deploy.DeployFiles.maps;
import static dev.taskflow.deploy.DeployFiles.pubsubOf;
import static dev.taskflow.deploy.DeployFiles.pushesLiveUpdates;
import static dev.taskflow.deploy.DeployFiles.pushesLiveUpdatesAlone;
import static dev.taskflow.deploy.DeployFiles.read;
import static dev.taskflow.deploy.DeployFiles.roles;
import static dev.taskflow.deploy.DeployFiles.sharesWork;
import static dev.taskflow.deploy.DeployFiles.strings;
import static dev.taskflow.deploy.DeployFiles.usesCronBinding;
import static dev.taskflow.deploy.DeployFiles.usesStateStore;
import static dev.taskflow.deploy.DeployFiles.yaml;
import static dev.taskflow.deploy.DeployFiles.yamlAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * helm/taskflow, linted and rendered offline with Helm's own library (helm-java) for the default
 * values and both shipped values files, then read back as the Kubernetes objects it would apply.
 */
class HelmChartTests {

	private static final Path CHART = ROOT.resolve("helm/taskflow");

	private static final String DEFAULTS = "values.yaml";

	/** On TaskFlow's Deployments and pods only: {@code kubectl rollout restart deployment -l taskflow/role-group}. */
	private static final String ROLE_GROUP_LABEL = "taskflow/role-group";

	private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

	@Test
	void theChartLintsWithoutWarningsInStrictMode() {
		LintResult result = new Helm(CHART).lint().strict().call();
		assertThat(result.isFailed()).as(result.getMessages().toString()).isFalse();
		assertThat(result.getMessages()).noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
	}

	@Test
	void lintFailsForABrokenTemplate(@TempDir Path copy) throws IOException {
		copyChart(copy);
		Files.writeString(copy.resolve("templates/broken.yaml"), "value: {{ .Values.no.such.value }}\n");
		assertThat(new Helm(copy).lint().call().isFailed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void everyTaskFlowDeploymentIsDaprEnabledOnTheAppPort(String values) {
		Rendered chart = render(values);
		String configuration = at(chart.one("Configuration"), "metadata", "name");
		String port = at(chart.one("ConfigMap", "taskflow"), "data", "PORT");
		assertThat(chart.appDeployments()).hasSizeGreaterThanOrEqualTo(5);
		for (Map<String, Object> deployment : chart.appDeployments()) {
			Map<String, Object> annotations = at(deployment, "spec", "template", "metadata", "annotations");
			assertThat(annotations).as(name(deployment))
				.containsEntry("dapr.io/enabled", "true")
				.containsEntry("dapr.io/app-id", "taskflow-" + component(deployment))
				.containsEntry("dapr.io/app-port", "8000")
				.containsEntry("dapr.io/app-protocol", "http")
				.containsEntry("dapr.io/config", configuration);
			assertThat((String) annotations.get("dapr.io/app-id")).isIn(APP_IDS);
			assertThat(port).isEqualTo("8000");
			assertThat(containerPort(appContainer(deployment), "http")).isEqualTo(8000);

			String appToken = (String) annotations.get("dapr.io/app-token-secret");
			String apiToken = (String) annotations.get("dapr.io/api-token-secret");
			assertThat(at(chart.one("Secret", appToken), "stringData", "token").toString()).isNotBlank();
			assertThat(at(chart.one("Secret", apiToken), "stringData", "token").toString()).isNotBlank();
			assertThat(secretRef(appContainer(deployment), "APP_API_TOKEN")).containsExactly(appToken, "token");
			assertThat(secretRef(appContainer(deployment), "DAPR_API_TOKEN")).containsExactly(apiToken, "token");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void onlyTaskFlowsOwnDeploymentsCarryTheRoleGroupLabel(String values) {
		Rendered chart = render(values);
		for (Map<String, Object> deployment : chart.ofKind("Deployment")) {
			Map<String, Object> labels = at(deployment, "metadata", "labels");
			if (chart.appDeployments().contains(deployment)) {
				assertThat(labels).as(name(deployment)).containsEntry(ROLE_GROUP_LABEL, component(deployment));
				assertThat(asMap(at(deployment, "spec", "template", "metadata", "labels")))
					.containsEntry(ROLE_GROUP_LABEL, component(deployment));
			}
			else {
				assertThat(labels).as("%s must survive restarting the app", name(deployment)).doesNotContainKey(ROLE_GROUP_LABEL);
			}
		}
	}

	@Test
	void theDocumentedRestartsSelectTaskFlowsDeploymentsOnly() {
		Matcher restart = Pattern.compile("kubectl [^`|]*rollout restart deployment[^`|]*").matcher(read(ROOT.resolve("docs/deploy.md")));
		int found = 0;
		while (restart.find()) {
			String command = restart.group();
			found++;
			assertThat(command).as("restarts the dev Redpanda and PostgreSQL with the app: %s", command)
				.containsPattern("-l " + Pattern.quote(ROLE_GROUP_LABEL) + "(\\s|$)");
		}
		assertThat(found).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void everyDaprAnnotationIsOneTheInjectorOfThePinnedDaprVersionReads(String values) {
		String version = DeployFiles.pinnedDaprVersion();
		assertThat(read(ROOT.resolve("docs/deploy.md"))).as("docs/deploy.md installs the pinned Dapr")
			.contains("dapr/dapr --version " + version);
		Set<String> known = DeployFiles.fixtureLines("dapr-injector-" + version + "-annotations.txt");
		assertThat(known).contains("dapr.io/app-id", "dapr.io/app-health-check-path");
		for (Map<String, Object> workload : render(values).workloads()) {
			Map<String, Object> annotations = asMap(find(workload, "spec", "template", "metadata", "annotations").orElse(Map.of()));
			assertThat(annotations.keySet()).filteredOn(key -> key.startsWith("dapr.io/"))
				.as("dapr.io annotations of %s", name(workload))
				.allSatisfy(key -> assertThat(key).isIn(known));
		}
	}

	@Test
	void generatedTokensAreTheOnesThePodChecksumCovers() {
		Rendered chart = render(DEFAULTS);
		String appToken = at(chart.one("Secret", "taskflow-app-api-token"), "stringData", "token");
		String apiToken = at(chart.one("Secret", "taskflow-dapr-api-token"), "stringData", "token");
		assertThat(appToken).hasSize(40).isNotEqualTo(apiToken);
		for (Map<String, Object> deployment : chart.appDeployments()) {
			assertThat(tokensChecksum(deployment)).as(name(deployment)).isEqualTo(sha256(appToken + "\n" + apiToken));
		}
	}

	@Test
	void upgradesReadTheTokensBackFromTheCluster() {
		assertThat((Boolean) at(valuesOf(DEFAULTS), "dapr", "tokens", "lookup")).isTrue();
		assertThatThrownBy(() -> new Helm(CHART).template().withName("taskflow").withNamespace("taskflow").call())
			.as("with no cluster to ask, the lookup of the token Secrets is what fails")
			.hasMessageContaining("lookup");
		String given = new Helm(CHART).template().withName("taskflow").withNamespace("taskflow")
			.set("dapr.tokens.appToken", "app-token").set("dapr.tokens.apiToken", "api-token").call();
		assertThat(given).as("given tokens need no lookup").contains("app-token");
	}

	@Test
	void aChangedTokenRollsThePodsAndAnUnchangedOneDoesNot() {
		UnaryOperator<TemplateCommand> tokens = command -> command.set("dapr.tokens.appToken", "app-token-one")
			.set("dapr.tokens.apiToken", "api-token-one");
		Rendered first = new Rendered(template(tokens));
		Rendered again = new Rendered(template(tokens));
		Rendered changed = new Rendered(template(command -> tokens.apply(command).set("dapr.tokens.appToken", "app-token-two")));

		assertThat((String) at(first.one("Secret", "taskflow-app-api-token"), "stringData", "token")).isEqualTo("app-token-one");
		for (Map<String, Object> deployment : first.appDeployments()) {
			String checksum = tokensChecksum(deployment);
			assertThat(tokensChecksum(again.one("Deployment", name(deployment)))).isEqualTo(checksum);
			assertThat(tokensChecksum(changed.one("Deployment", name(deployment)))).isNotEqualTo(checksum);
		}
	}

	@Test
	void tokenSecretsGivenByNameAreUsedAndNotRendered() {
		Rendered chart = new Rendered(template(command -> command.set("dapr.tokens.existingAppTokenSecret", "my-app-token")
			.set("dapr.tokens.existingApiTokenSecret", "my-dapr-token")));
		assertThat(chart.ofKind("Secret")).extracting(HelmChartTests::name)
			.doesNotContain("taskflow-app-api-token", "taskflow-dapr-api-token");
		for (Map<String, Object> deployment : chart.appDeployments()) {
			Map<String, Object> annotations = at(deployment, "spec", "template", "metadata", "annotations");
			assertThat(annotations).containsEntry("dapr.io/app-token-secret", "my-app-token")
				.containsEntry("dapr.io/api-token-secret", "my-dapr-token")
				.containsKey("checksum/dapr-tokens");
			assertThat(secretRef(appContainer(deployment), "APP_API_TOKEN")).containsExactly("my-app-token", "token");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void probesAskTheActuatorHealthGroups(String values) {
		for (Map<String, Object> deployment : render(values).appDeployments()) {
			Map<String, Object> container = appContainer(deployment);
			assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
			assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
			assertThat((String) at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
			for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
				assertThat((String) at(container, probe, "httpGet", "port")).isEqualTo("http");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void everyWorkloadHasResourcesAndRunsAsNonRootWithoutCapabilities(String values) {
		for (Map<String, Object> workload : renderWithTheTopicsJob(values).workloads()) {
			Map<String, Object> pod = at(workload, "spec", "template", "spec");
			assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).as(name(workload)).isTrue();
			assertThat((Integer) at(pod, "securityContext", "runAsUser")).as(name(workload)).isPositive();
			for (Map<String, Object> container : maps(pod.get("containers"))) {
				assertThat(asMap(at(container, "resources", "requests"))).as(name(workload)).containsKeys("cpu", "memory");
				assertThat(asMap(at(container, "resources", "limits"))).as(name(workload)).containsKey("memory");
				assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation")).isFalse();
				assertThat(strings(at(container, "securityContext", "capabilities", "drop"))).containsExactly("ALL");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void theAppRunsAsTheImagesUserOnAReadOnlyRootWithAWritableTmp(String values) {
		int imageUser = DockerfileTests.imageUser();
		for (Map<String, Object> deployment : render(values).appDeployments()) {
			Map<String, Object> pod = at(deployment, "spec", "template", "spec");
			assertThat((Integer) at(pod, "securityContext", "runAsUser")).isEqualTo(imageUser);
			Map<String, Object> container = appContainer(deployment);
			assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).isTrue();
			String tmpVolume = maps(at(container, "volumeMounts")).stream()
				.filter(mount -> "/tmp".equals(mount.get("mountPath")))
				.map(mount -> (String) mount.get("name"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(name(deployment) + " mounts no /tmp"));
			assertThat(maps(at(pod, "volumes")))
				.anySatisfy(volume -> assertThat(volume).containsEntry("name", tmpVolume).containsKey("emptyDir"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void theDaprComponentsAreTheOnesTheApplicationNames(String values) {
		ComponentNames names = ComponentNames.ofTheApplication();
		Rendered chart = render(values);
		List<String> expected = new java.util.ArrayList<>(names.all());
		expected.add(LIVE_PUBSUB);
		assertThat(chart.ofKind("Component").stream().map(HelmChartTests::name).toList())
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(type(chart, names.pubsub())).isEqualTo("pubsub.kafka");
		assertThat(type(chart, names.stateStore())).isIn("state.postgresql", "state.redis");
		assertThat(type(chart, names.secretStore())).isEqualTo("secretstores.kubernetes");
		assertThat(type(chart, names.cronBinding())).isEqualTo("bindings.cron");
		for (Map<String, Object> component : chart.ofKind("Component")) {
			assertThat((String) at(component, "apiVersion")).isEqualTo("dapr.io/v1alpha1");
			assertThat((String) at(component, "spec", "version")).isEqualTo("v1");
		}
		Map<String, String> cron = DaprComponentTests.metadata(chart.one("Component", names.cronBinding()));
		assertThat(cron).containsEntry("schedule", "@every 30s").containsEntry("direction", "input");
	}

	@Test
	void renamedComponentsAreTheOnesTheAppIsToldToUse() {
		Rendered chart = new Rendered(template(command -> command.set("dapr.componentNames.stateStore", "conversations")
			.set("dapr.componentNames.cronBinding", "sweep")
			.set("dapr.componentNames.pubsub", "events")
			.set("dapr.componentNames.livePubsub", "events-live")));
		assertThat(chart.ofKind("Component").stream().map(HelmChartTests::name))
			.contains("conversations", "sweep", "events", "events-live");
		Map<String, Object> config = at(chart.one("ConfigMap", "taskflow"), "data");
		assertThat(config).containsEntry("TASKFLOW_DAPR_STATESTORE", "conversations")
			.containsEntry("TASKFLOW_DAPR_CRONBINDING", "sweep");
		for (Map<String, Object> deployment : chart.appDeployments()) {
			assertThat(env(appContainer(deployment), PUBSUB_VARIABLE)).isIn("events", "events-live");
			assertThat(maps(at(appContainer(deployment), "envFrom")))
				.anySatisfy(source -> assertThat(source).containsEntry("configMapRef", Map.of("name", "taskflow")));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void theAppIsToldTheComponentNamesItUses(String values) {
		ComponentNames names = ComponentNames.ofTheApplication();
		Map<String, Object> config = at(render(values).one("ConfigMap", "taskflow"), "data");
		assertThat(config).containsEntry("TASKFLOW_DAPR_STATESTORE", names.stateStore())
			.containsEntry("TASKFLOW_DAPR_CRONBINDING", names.cronBinding());
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void componentScopesAreTheAppIdsWhoseRolesUseThem(String values) {
		ComponentNames names = ComponentNames.ofTheApplication();
		Rendered chart = render(values);
		Set<String> all = new HashSet<>();
		Set<String> stateStoreUsers = new HashSet<>();
		Set<String> cronUsers = new HashSet<>();
		Set<String> pushAlone = new HashSet<>();
		for (Map<String, Object> deployment : chart.appDeployments()) {
			String appId = at(deployment, "spec", "template", "metadata", "annotations", "dapr.io/app-id");
			List<String> roles = roles(env(appContainer(deployment), "TASKFLOW_ROLES"));
			all.add(appId);
			if (pushesLiveUpdatesAlone(roles)) {
				pushAlone.add(appId);
			}
			if (usesStateStore(roles)) {
				stateStoreUsers.add(appId);
			}
			if (usesCronBinding(roles)) {
				cronUsers.add(appId);
			}
		}
		Set<String> sharing = new HashSet<>(all);
		sharing.removeAll(pushAlone);
		assertThat(pushAlone).as("app ids that run web and no work-sharing role").isNotEmpty();
		assertThat(scopes(chart, "Component", LIVE_PUBSUB)).containsExactlyInAnyOrderElementsOf(pushAlone);
		assertThat(scopes(chart, "Component", names.pubsub())).containsExactlyInAnyOrderElementsOf(sharing);
		assertThat(scopes(chart, "Component", names.secretStore())).containsExactlyInAnyOrderElementsOf(all);
		assertThat(scopes(chart, "Component", names.stateStore())).containsExactlyInAnyOrderElementsOf(stateStoreUsers);
		assertThat(scopes(chart, "Component", names.cronBinding())).containsExactlyInAnyOrderElementsOf(cronUsers);
		assertThat(stateStoreUsers).isNotEmpty();
		assertThat(cronUsers).isNotEmpty();

		Map<String, Object> resiliency = chart.one("Resiliency");
		assertThat(strings(at(resiliency, "scopes"))).containsExactlyInAnyOrderElementsOf(all);
		List<String> components = chart.ofKind("Component").stream().map(HelmChartTests::name).toList();
		assertThat(asMap(at(resiliency, "spec", "targets", "components")).keySet()).isSubsetOf(components)
			.contains(names.pubsub(), LIVE_PUBSUB);
		for (String pubsub : List.of(names.pubsub(), LIVE_PUBSUB)) {
			String retry = at(resiliency, "spec", "targets", "components", pubsub, "inbound", "retry");
			assertThat(DeployFiles.shortestRetryTime(at(resiliency, "spec", "policies", "retries", retry)))
				.as(pubsub).isGreaterThanOrEqualTo(Duration.ofHours(1));
		}
		assertThat(asMap(at(resiliency, "spec", "targets"))).doesNotContainKey("apps");
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void theLivePubSubIsTheSharedKafkaWithAConsumerGroupPerPod(String values) {
		Rendered chart = render(values);
		DaprComponentTests.assertIsTheLiveTwinOf(chart.one("Component", LIVE_PUBSUB),
				chart.one("Component", ComponentNames.ofTheApplication().pubsub()), values);
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void scalableDeploymentsThatPushLiveUpdatesUseTheLivePubSubAndNoneThatSharesWorkDoes(String values) {
		Rendered chart = render(values);
		Set<String> autoscaled = new HashSet<>();
		chart.ofKind("HorizontalPodAutoscaler").forEach(hpa -> autoscaled.add(at(hpa, "spec", "scaleTargetRef", "name")));
		for (Map<String, Object> deployment : chart.appDeployments()) {
			String appId = at(deployment, "spec", "template", "metadata", "annotations", "dapr.io/app-id");
			Map<String, Object> container = appContainer(deployment);
			List<String> roles = roles(env(container, "TASKFLOW_ROLES"));
			String pubsub = pubsubOf(envEntry(container, PUBSUB_VARIABLE).isPresent()
					? Map.of(PUBSUB_VARIABLE, env(container, PUBSUB_VARIABLE)) : Map.of());
			assertThat(scopes(chart, "Component", pubsub)).as("%s loads %s", appId, pubsub).contains(appId);

			boolean scales = autoscaled.contains(name(deployment))
					|| (Integer) find(deployment, "spec", "replicas").orElse(1) > 1;
			if (pushesLiveUpdates(roles) && scales) {
				assertThat(pubsub).as("%s runs %s on several replicas", name(deployment), roles).isEqualTo(LIVE_PUBSUB);
			}
			if (sharesWork(roles)) {
				assertThat(pubsub).as("%s runs %s", name(deployment), roles).isNotEqualTo(LIVE_PUBSUB);
			}
		}
	}

	@Test
	void aGroupThatRunsWebWithWorkSharingRolesMayRunOneReplicaOnly() {
		assertThatThrownBy(() -> template(command -> command.set("roleGroups.notifications.roles", "notifications,web")
			.set("roleGroups.notifications.replicas", 2)))
			.hasMessageContaining("roleGroups.notifications runs the web role together with a work-sharing role");
		assertThatThrownBy(() -> template(command -> command.set("roleGroups.api.roles", "all")))
			.as("the api group is autoscaled")
			.hasMessageContaining("roleGroups.api runs the web role together with a work-sharing role");

		Rendered allInOne = new Rendered(template(command -> command.set("roleGroups.api.roles", "all")
			.set("roleGroups.api.replicas", 1)
			.set("autoscaling.enabled", false)
			.set("roleGroups.audit.enabled", false)
			.set("roleGroups.recurrence.enabled", false)
			.set("roleGroups.reminders.enabled", false)
			.set("roleGroups.notifications.enabled", false)));
		assertThat(allInOne.ofKind("Component").stream().map(HelmChartTests::name))
			.as("no live pub/sub without scopes: every sidecar would load it")
			.doesNotContain(LIVE_PUBSUB);
		assertThat(env(appContainer(allInOne.one("Deployment", "taskflow-api")), PUBSUB_VARIABLE))
			.isEqualTo(ComponentNames.ofTheApplication().pubsub());
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void credentialsComeFromTheSecretThroughTheSecretStoreComponent(String values) {
		ComponentNames names = ComponentNames.ofTheApplication();
		Rendered chart = render(values);
		String existingSecret = String.valueOf(find(valuesOf(values), "secrets", "existingSecret").orElse(""));
		for (Map<String, Object> component : chart.ofKind("Component")) {
			Map<String, Map<String, Object>> refs = DaprComponentTests.secretRefs(component);
			if (refs.isEmpty()) {
				continue;
			}
			assertThat((String) at(component, "auth", "secretStore")).as(name(component)).isEqualTo(names.secretStore());
			refs.values().forEach(ref -> {
				String secret = (String) ref.get("name");
				if (existingSecret.isEmpty()) {
					assertThat(asMap(at(chart.one("Secret", secret), "stringData"))).containsKey((String) ref.get("key"));
				}
				else {
					assertThat(secret).isEqualTo(existingSecret);
				}
			});
		}
		String secret = existingSecret.isEmpty() ? "taskflow" : existingSecret;
		Map<String, Object> rule = maps(at(chart.one("Role"), "rules")).get(0);
		assertThat(strings(at(rule, "resourceNames"))).containsExactly(secret);
		for (Map<String, Object> deployment : chart.appDeployments()) {
			assertThat(secretRef(appContainer(deployment), "DATABASE_URL")).containsExactly(secret, "database-url");
		}
	}

	@Test
	void cloudValuesUseSaslScramOverTlsWithCredentialsFromTheirOwnSecret() {
		Rendered chart = render("values-cloud.yaml");
		Map<String, Object> pubsub = chart.one("Component", ComponentNames.ofTheApplication().pubsub());
		assertThat(DaprComponentTests.metadata(pubsub))
			.containsEntry("authType", "password")
			.containsEntry("saslMechanism", "SHA-256")
			.containsEntry("disableTls", "false")
			.doesNotContainKeys("saslUsername", "saslPassword");
		assertThat(DaprComponentTests.metadata(pubsub).get("brokers")).doesNotContain("taskflow-redpanda");
		Map<String, Map<String, Object>> refs = DaprComponentTests.secretRefs(pubsub);
		assertThat(refs).containsOnlyKeys("saslUsername", "saslPassword");
		assertThat(refs.get("saslUsername")).containsEntry("name", "taskflow-credentials").containsEntry("key", "kafka-sasl-username");
		assertThat(refs.get("saslPassword")).containsEntry("name", "taskflow-credentials").containsEntry("key", "kafka-sasl-password");

		assertThat(chart.ofKind("Secret").stream().map(HelmChartTests::name)).doesNotContain("taskflow-credentials");
		assertThat(chart.ofKind("Deployment")).noneMatch(deployment -> component(deployment).startsWith("dev-"));
		Map<String, Object> job = appContainerOf(renderWithTheTopicsJob("values-cloud.yaml").one("Job"));
		assertThat(env(job, "KAFKA_TLS")).isEqualTo("true");
		assertThat(env(job, "KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-256");
		assertThat(secretRef(job, "KAFKA_SASL_PASSWORD")).containsExactly("taskflow-credentials", "kafka-sasl-password");
	}

	@Test
	void minikubeValuesRunTheWholeStackInTheClusterFromALocalImage() {
		Rendered chart = render("values-minikube.yaml");
		for (Map<String, Object> deployment : chart.appDeployments()) {
			assertThat((String) at(appContainer(deployment), "imagePullPolicy")).isEqualTo("Never");
		}
		Map<String, Object> redpanda = chart.one("Deployment", "taskflow-redpanda");
		String advertised = flag(strings(at(appContainerOf(redpanda), "args")), "--advertise-kafka-addr").orElseThrow();
		String brokers = DaprComponentTests.metadata(chart.one("Component", ComponentNames.ofTheApplication().pubsub()))
			.get("brokers");
		assertThat(advertised).isEqualTo("internal://" + brokers);
		assertThat(brokers).isEqualTo("taskflow-redpanda:9092");
		assertThat(maps(at(chart.one("Service", "taskflow-redpanda"), "spec", "ports")))
			.anySatisfy(port -> assertThat(port).containsEntry("port", 9092));
		assertThat((String) at(chart.one("Secret", "taskflow"), "stringData", "database-url"))
			.isEqualTo("jdbc:postgresql://taskflow-postgres:5432/taskflow");
		assertThat(chart.ofKind("HorizontalPodAutoscaler")).isEmpty();
		assertThat((Integer) at(chart.one("Deployment", "taskflow-api"), "spec", "replicas")).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-cloud.yaml" })
	void theApiDeploymentIsAutoscaledAndKeptAvailableDuringDisruptions(String values) {
		Rendered chart = render(values);
		Map<String, Object> api = chart.one("Deployment", "taskflow-api");
		Map<String, Object> hpa = chart.one("HorizontalPodAutoscaler");
		assertThat((String) at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("taskflow-api");
		assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
		assertThat(asMap(at(api, "spec"))).as("the autoscaler owns the replica count").doesNotContainKey("replicas");

		Map<String, Object> podLabels = at(api, "spec", "template", "metadata", "labels");
		Map<String, Object> budget = chart.one("PodDisruptionBudget");
		assertThat(podLabels).containsAllEntriesOf(at(budget, "spec", "selector", "matchLabels"));
		assertThat((Integer) at(budget, "spec", "minAvailable")).isLessThan(at(hpa, "spec", "minReplicas"));
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void theServiceAndIngressRouteToTheApiPods(String values) {
		Rendered chart = render(values);
		Map<String, Object> service = chart.one("Service", "taskflow");
		Map<String, Object> podLabels = at(chart.one("Deployment", "taskflow-api"), "spec", "template", "metadata", "labels");
		assertThat(podLabels).containsAllEntriesOf(at(service, "spec", "selector"));
		assertThat(maps(at(service, "spec", "ports"))).singleElement().satisfies(port ->
				assertThat(port).containsEntry("targetPort", "http"));
		for (Map<String, Object> ingress : chart.ofKind("Ingress")) {
			for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
				for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
					assertThat((String) at(path, "backend", "service", "name")).isEqualTo("taskflow");
					assertThat((String) at(path, "backend", "service", "port", "name")).isEqualTo("http");
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void behindTheIngressTheAppTakesTheClientsAddressAndSchemeFromTheForwardedHeaders(String values) {
		assertThat(read(ROOT.resolve("src/main/resources/application.yml")))
			.contains("forward-headers-strategy: ${FORWARD_HEADERS_STRATEGY:none}");
		Rendered chart = render(values);
		Map<String, Object> config = at(chart.one("ConfigMap", "taskflow"), "data");
		boolean ingress = (Boolean) find(valuesOf(values), "ingress", "enabled").orElse(false);
		assertThat(chart.ofKind("Ingress")).hasSize(ingress ? 1 : 0);
		if (ingress) {
			assertThat(config).containsEntry("FORWARD_HEADERS_STRATEGY", "native");
		}
		else {
			assertThat(config).as("no proxy to trust").doesNotContainKey("FORWARD_HEADERS_STRATEGY");
		}
		for (Map<String, Object> deployment : chart.appDeployments()) {
			assertThat(maps(at(appContainer(deployment), "envFrom")))
				.anySatisfy(source -> assertThat(source).containsEntry("configMapRef", Map.of("name", "taskflow")));
		}
	}

	@Test
	void theForwardHeadersStrategyCanBeSetWithoutAnIngress() {
		Rendered chart = new Rendered(template(command -> command.set("config.forwardHeadersStrategy", "framework")));
		assertThat(asMap(at(chart.one("ConfigMap", "taskflow"), "data"))).containsEntry("FORWARD_HEADERS_STRATEGY", "framework");
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-cloud.yaml" })
	void theTopicJobRunsTheComposeScriptAgainstThePubSubBrokersAfterEveryRelease(String values) {
		String script = read(ROOT.resolve("scripts/init-kafka-topics.sh"));
		assertThat(read(CHART.resolve("files/init-kafka-topics.sh"))).as("the chart's copy of the script").isEqualTo(script);
		assertThat(read(CHART.resolve("templates/kafka-topics.yaml"))).contains("helm.sh/hook: post-install,post-upgrade");
		assertThat(render(values).ofKind("Job")).as("hooks are not part of the release manifest").isEmpty();

		Rendered chart = renderWithTheTopicsJob(values);
		assertThat(((String) at(chart.one("ConfigMap", "taskflow-kafka-topics"), "data", "init-kafka-topics.sh")).strip())
			.isEqualTo(script.strip());
		Map<String, Object> container = appContainerOf(chart.one("Job"));
		assertThat(strings(at(container, "command"))).contains("/scripts/init-kafka-topics.sh");
		assertThat(env(container, "KAFKA_BROKERS")).isEqualTo(DaprComponentTests.metadata(
				chart.one("Component", ComponentNames.ofTheApplication().pubsub())).get("brokers"));
	}

	@Test
	void aPlainTopicJobIsReplacedByANewOneWhenItsInputsChange() {
		UnaryOperator<TemplateCommand> plainJob = command -> command.set("kafka.topicsJobAsHook", false);
		String name = name(renderWithTheTopicsJob(DEFAULTS).one("Job"));
		assertThat(name).as("the pod template of a Job is immutable: a changed one needs a new name")
			.matches("taskflow-kafka-topics-[0-9a-f]{10}");
		assertThat(name(new Rendered(template(plainJob)).one("Job"))).as("unchanged inputs, the same Job").isEqualTo(name);
		List<UnaryOperator<TemplateCommand>> changes = List.of(
				command -> command.set("kafka.rpkImage", "docker.redpanda.com/redpandadata/redpanda:v26.2.1"),
				command -> command.set("kafka.brokers", "kafka-0.example.com:9092"),
				command -> command.set("kafka.tls", true).set("kafka.sasl.enabled", true),
				command -> command.set("kafka.sasl.mechanism", "SHA-512"),
				command -> command.set("secrets.existingSecret", "other-credentials"));
		for (UnaryOperator<TemplateCommand> change : changes) {
			assertThat(name(new Rendered(template(command -> change.apply(plainJob.apply(command)))).one("Job")))
				.isNotEqualTo(name);
		}
	}

	@Test
	void renderingOutsideDevelopmentRequiresTheBrokers() {
		assertThatThrownBy(() -> template(command -> command.set("dev.redpanda.enabled", false)))
			.hasMessageContaining("kafka.brokers is required");
	}

	@Test
	void tlsWithoutSaslIsRefusedAsDaprWouldConnectInPlaintext() {
		assertThatThrownBy(() -> template(command -> command.set("kafka.tls", true).set("kafka.sasl.enabled", false)))
			.hasMessageContaining("kafka.tls=true needs kafka.sasl.enabled=true");
		Rendered saslOverTls = new Rendered(template(command -> command.set("kafka.tls", true).set("kafka.sasl.enabled", true)));
		Map<String, String> metadata = DaprComponentTests.metadata(saslOverTls.one("Component", ComponentNames.ofTheApplication().pubsub()));
		assertThat(metadata).containsEntry("authType", "password").containsEntry("disableTls", "false");
	}

	@ParameterizedTest
	@ValueSource(strings = { DEFAULTS, "values-minikube.yaml", "values-cloud.yaml" })
	void thePostgresStateStoreKeepsItsTablesOutOfTheSchemaFlywayMigrates(String values) {
		Map<String, Object> store = render(values).one("Component", ComponentNames.ofTheApplication().stateStore());
		assertThat((String) at(store, "spec", "type")).isEqualTo("state.postgresql");
		DeployFiles.assertStateStoreTablesAreInASchemaOfTheirOwn(DaprComponentTests.metadata(store), values);
	}

	@Test
	void theRedisStateStoreIsOneValueAway() {
		Rendered chart = new Rendered(template(command -> command.set("stateStore.type", "redis")));
		Map<String, Object> store = chart.one("Component", ComponentNames.ofTheApplication().stateStore());
		assertThat((String) at(store, "spec", "type")).isEqualTo("state.redis");
		assertThat(DaprComponentTests.secretRefs(store)).containsOnlyKeys("redisPassword");
	}

	static Rendered render(String values) {
		return RENDERED.computeIfAbsent(values, file -> new Rendered(template(command ->
				DEFAULTS.equals(file) ? command : command.withValuesFile(CHART.resolve(file)))));
	}

	/** Helm leaves hooks out of the manifest it renders: render the topics Job as a plain Job. */
	static Rendered renderWithTheTopicsJob(String values) {
		return new Rendered(template(command -> {
			TemplateCommand plainJob = command.set("kafka.topicsJobAsHook", false);
			return DEFAULTS.equals(values) ? plainJob : plainJob.withValuesFile(CHART.resolve(values));
		}));
	}

	/**
	 * helm-java's template, unlike {@code helm template}, fails a {@code lookup} when no cluster
	 * answers: render without one (see {@link #upgradesReadTheTokensBackFromTheCluster()}).
	 */
	private static String template(UnaryOperator<TemplateCommand> options) {
		return options.apply(withoutCluster(new Helm(CHART).template())).call();
	}

	private static TemplateCommand withoutCluster(TemplateCommand command) {
		return command.withName("taskflow").withNamespace("taskflow").set("dapr.tokens.lookup", false);
	}

	private static Map<String, Object> valuesOf(String file) {
		return yaml(CHART.resolve(file));
	}

	/** The rendered manifests of one release. */
	record Rendered(List<Map<String, Object>> resources) {

		Rendered(String manifests) {
			this(yamlAll(manifests).stream().map(DeployFiles::asMap).toList());
		}

		List<Map<String, Object>> ofKind(String kind) {
			return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
		}

		Map<String, Object> one(String kind) {
			assertThat(ofKind(kind)).as(kind).hasSize(1);
			return ofKind(kind).get(0);
		}

		Map<String, Object> one(String kind, String name) {
			return ofKind(kind).stream()
				.filter(resource -> name.equals(name(resource)))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + " " + name));
		}

		/** TaskFlow's own Deployments, one per role group; dev-* are the development dependencies. */
		List<Map<String, Object>> appDeployments() {
			return ofKind("Deployment").stream().filter(deployment -> !component(deployment).startsWith("dev-")).toList();
		}

		List<Map<String, Object>> workloads() {
			return Stream.concat(ofKind("Deployment").stream(), ofKind("Job").stream()).toList();
		}
	}

	private static String tokensChecksum(Map<String, Object> deployment) {
		return at(deployment, "spec", "template", "metadata", "annotations", "checksum/dapr-tokens");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String name(Map<String, Object> resource) {
		return at(resource, "metadata", "name");
	}

	private static String component(Map<String, Object> resource) {
		return at(resource, "metadata", "labels", "app.kubernetes.io/component");
	}

	private static String type(Rendered chart, String component) {
		return at(chart.one("Component", component), "spec", "type");
	}

	private static List<String> scopes(Rendered chart, String kind, String name) {
		return strings(at(chart.one(kind, name), "scopes"));
	}

	private static Map<String, Object> appContainer(Map<String, Object> deployment) {
		return maps(at(deployment, "spec", "template", "spec", "containers")).stream()
			.filter(container -> "taskflow".equals(container.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name(deployment) + " has no taskflow container"));
	}

	private static Map<String, Object> appContainerOf(Map<String, Object> workload) {
		return maps(at(workload, "spec", "template", "spec", "containers")).get(0);
	}

	private static int containerPort(Map<String, Object> container, String name) {
		return maps(at(container, "ports")).stream()
			.filter(port -> name.equals(port.get("name")))
			.map(port -> (Integer) port.get("containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no port " + name));
	}

	private static Optional<Map<String, Object>> envEntry(Map<String, Object> container, String variable) {
		return maps(at(container, "env")).stream().filter(entry -> variable.equals(entry.get("name"))).findFirst();
	}

	private static String env(Map<String, Object> container, String variable) {
		return String.valueOf(envEntry(container, variable)
			.orElseThrow(() -> new AssertionError("no env " + variable))
			.get("value"));
	}

	/** The Secret name and key an environment variable is read from. */
	private static List<String> secretRef(Map<String, Object> container, String variable) {
		Map<String, Object> entry = envEntry(container, variable).orElseThrow(() -> new AssertionError("no env " + variable));
		return List.of(at(entry, "valueFrom", "secretKeyRef", "name"), at(entry, "valueFrom", "secretKeyRef", "key"));
	}

	private static void copyChart(Path target) throws IOException {
		try (Stream<Path> files = Files.walk(CHART)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(CHART.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
	}

}
