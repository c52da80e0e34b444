package dev.taskflow.deploy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.deploy.DeployFiles.ComponentNames;
import dev.taskflow.deploy.DeployFiles.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.taskflow.deploy.DeployFiles.APP_IDS;
import static dev.taskflow.deploy.DeployFiles.LIVE_PUBSUB;
import static dev.taskflow.deploy.DeployFiles.ROOT;
import static dev.taskflow.deploy.DeployFiles.TOPICS;
import static dev.taskflow.deploy.DeployFiles.asList;
import static dev.taskflow.deploy.DeployFiles.asMap;
import static dev.taskflow.deploy.DeployFiles.at;
import static dev.taskflow.deploy.DeployFiles.find;
import static dev.taskflow.deploy.DeployFiles.flag;
import static dev.taskflow.deploy.DeployFiles.pubsubOf;
import static dev.taskflow.deploy.DeployFiles.pushesLiveUpdatesAlone;
import static dev.taskflow.deploy.DeployFiles.read;
import static dev.taskflow.deploy.DeployFiles.roles;
import static dev.taskflow.deploy.DeployFiles.sharesWork;
import static dev.taskflow.deploy.DeployFiles.shellVariable;
import static dev.taskflow.deploy.DeployFiles.strings;
import static dev.taskflow.deploy.DeployFiles.topicsOfTheInitScript;
import static dev.taskflow.deploy.DeployFiles.usesCronBinding;
import static dev.taskflow.deploy.DeployFiles.usesStateStore;
import static dev.taskflow.deploy.DeployFiles.variablesBefore;
import static dev.taskflow.deploy.DeployFiles.withDefaults;
import static dev.taskflow.deploy.DeployFiles.withVariables;
import static dev.taskflow.deploy.DeployFiles.yaml;
import static dev.taskflow.deploy.DeployFiles.yamlFilesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, read as Compose would with no variables set, against the Dapr resources,
 * the topic script and the application's own configuration.
 */
class ComposeFileTests {

	private static final String CONSUMERS_COMMAND = "docker compose --profile consumers up";

	private static Map<String, Map<String, Object>> services;

	/** A way to start the stack: variables set on the command line and profiles enabled. */
	record Stack(String name, Map<String, String> variables, Set<String> profiles) {

		@Override
		public String toString() {
			return name;
		}
	}

	/** {@code docker compose up}, and the consumers profile started as docs/deploy.md says. */
	static List<Stack> stacks() {
		return List.of(new Stack("default stack", Map.of(), Set.of()),
				new Stack("consumers profile", variablesBefore(read(ROOT.resolve("docs/deploy.md")), CONSUMERS_COMMAND),
						Set.of("consumers")));
	}

	@BeforeAll
	static void readComposeFile() {
		services = new LinkedHashMap<>();
		asMap(at(yaml(ROOT.resolve("docker-compose.yml")), "services"))
			.forEach((name, service) -> services.put(name, asMap(service)));
	}

	@Test
	void everyComponentTheApplicationNamesIsInTheResourcesPathWithTheRightType() {
		ComponentNames names = ComponentNames.ofTheApplication();
		assertThat(type(names.pubsub())).isEqualTo("pubsub.kafka");
		assertThat(type(names.stateStore())).isIn("state.postgresql", "state.redis");
		assertThat(type(names.secretStore())).isIn("secretstores.local.file", "secretstores.local.env");
		assertThat(type(names.cronBinding())).isEqualTo("bindings.cron");
	}

	@Test
	void everySidecarAndItsAppReachEachOtherByServiceNameSoEitherMayRestartAlone() {
		assertThat(sidecars()).isNotEmpty();
		Set<String> appIds = new HashSet<>();
		for (String sidecar : sidecars()) {
			String app = appOf(sidecar);
			List<String> arguments = command(sidecar);
			assertThat(arguments.get(0)).isEqualTo("./daprd");
			assertThat(appIds.add(flag(arguments, "--app-id").orElseThrow())).as("app id of %s is unique", sidecar).isTrue();
			assertThat(flag(arguments, "--app-id")).get().isIn(APP_IDS);
			assertThat(services.get(sidecar)).as("%s has a network identity of its own", sidecar).doesNotContainKey("network_mode");
			assertThat(services.get(app)).as("%s has a network identity of its own", app).doesNotContainKey("network_mode");

			String appPort = flag(arguments, "--app-port").orElseThrow();
			assertThat(appPort).isEqualTo("8000").isEqualTo(environment(app).get("PORT"));
			assertThat(String.join(" ", strings(at(services.get(app), "healthcheck", "test"))))
				.contains("localhost:" + appPort + "/actuator/health/liveness");
			assertThat(flag(arguments, "--app-health-check-path")).contains("/actuator/health/liveness");
			assertThat(flag(arguments, "--app-protocol")).contains("http");
			assertThat(environment(app)).containsEntry("DAPR_HTTP_ENDPOINT",
					"http://" + sidecar + ":" + flag(arguments, "--dapr-http-port").orElseThrow());
			assertThat(profiles(sidecar)).as("profiles of %s", sidecar).isEqualTo(profiles(app));
			assertThat(dependencies(sidecar)).containsKey(app);
			assertThat(services.get(sidecar).get("restart")).isEqualTo("unless-stopped").isEqualTo(services.get(app).get("restart"));
		}
	}

	@Test
	void everyDaprdFlagIsOneThePinnedDaprVersionKnows() {
		String version = DeployFiles.pinnedDaprVersion();
		Set<String> known = DeployFiles.fixtureLines("daprd-" + version + "-flags.txt");
		assertThat(known).as("flags of daprd %s", version).contains("app-id", "app-health-check-path", "resources-path");
		for (String sidecar : sidecars()) {
			assertThat(withDefaults(String.valueOf(services.get(sidecar).get("image")))).endsWith(":" + version);
			command(sidecar).stream()
				.filter(argument -> argument.startsWith("-"))
				.map(argument -> argument.replaceFirst("^--?", "").split("=")[0])
				.forEach(name -> assertThat(name).as("flag of %s", sidecar).isIn(known));
		}
	}

	@Test
	void sidecarsLoadTheMountedResourcesConfigurationAndSecrets() {
		String secretsFile = DaprComponentTests.metadata(DaprComponentTests.component(
				ComponentNames.ofTheApplication().secretStore())).get("secretsFile");
		for (String sidecar : sidecars()) {
			List<String> arguments = command(sidecar);
			Map<String, String> mounts = mounts(sidecar);
			String resources = flag(arguments, "--resources-path").orElseThrow();
			assertThat(mounts).as("%s mounts its resources path", sidecar).containsEntry(resources, "./dapr/components");

			mounts.forEach((target, source) -> {
				assertThat(ROOT.resolve(source)).as("%s mounts %s", sidecar, source).exists();
				if (target.startsWith(resources + "/")) {
					String file = target.substring(resources.length() + 1);
					assertThat(source).as("the default of an overlay is the file it covers").isEqualTo("./dapr/components/" + file);
				}
			});

			String config = flag(arguments, "--config").orElseThrow();
			assertThat(hostPath(mounts, config)).as("%s --config", sidecar).isPresent().get().satisfies(path ->
					assertThat(path).isRegularFile());
			assertThat(hostPath(mounts, secretsFile)).as("%s secrets file", sidecar).isPresent().get().satisfies(path ->
					assertThat(path).isRegularFile());
		}
	}

	@Test
	void sidecarsReachPlacementAndSchedulerWhereTheyListen() {
		for (String sidecar : sidecars()) {
			List<String> arguments = command(sidecar);
			assertListens(flag(arguments, "--placement-host-address").orElseThrow());
			String scheduler = flag(arguments, "--scheduler-host-address").orElseThrow();
			assertListens(scheduler);
			assertThat(flag(command(scheduler.split(":")[0]), "--override-broadcast-host-port")).contains(scheduler);
		}
	}

	@Test
	void everyAppIdIsInTheScopesOfTheComponentsItsRolesUse() {
		ComponentNames names = ComponentNames.ofTheApplication();
		Set<String> stateStoreUsers = new HashSet<>();
		Set<String> cronUsers = new HashSet<>();
		Set<String> consumerRoles = new HashSet<>();
		for (String sidecar : sidecars()) {
			String appId = flag(command(sidecar), "--app-id").orElseThrow();
			List<String> roles = roles(environment(appOf(sidecar)).get("TASKFLOW_ROLES"));
			assertThat(scopes(pubsubOf(environment(appOf(sidecar))))).contains(appId);
			assertThat(scopes(names.secretStore())).contains(appId);
			if (usesStateStore(roles)) {
				stateStoreUsers.add(appId);
			}
			if (usesCronBinding(roles)) {
				cronUsers.add(appId);
			}
			if (!profiles(sidecar).isEmpty()) {
				consumerRoles.addAll(roles);
			}
		}
		assertThat(scopes(names.stateStore())).containsAll(stateStoreUsers).doesNotContainAnyElementsOf(
				Set.of("taskflow-audit", "taskflow-recurrence", "taskflow-reminders", "taskflow-notifications"));
		assertThat(scopes(names.cronBinding())).containsExactlyInAnyOrderElementsOf(cronUsers);
		assertThat(consumerRoles).containsExactlyInAnyOrder("audit", "recurrence", "reminders", "notifications");
	}

	@Test
	void theConsumersProfileIsStartedTheSameWayInTheComposeFileAndTheDocs() {
		Map<String, String> documented = variablesBefore(read(ROOT.resolve("docs/deploy.md")), CONSUMERS_COMMAND);
		assertThat(variablesBefore(read(ROOT.resolve("docker-compose.yml")), CONSUMERS_COMMAND))
			.as("the command in the header of docker-compose.yml")
			.isEqualTo(documented);
		assertThat(documented).containsKeys("TASKFLOW_APP_ID", "TASKFLOW_ROLES");
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void everyAppUsesAPubSubItsSidecarLoads(Stack stack) {
		for (String sidecar : sidecars(stack)) {
			String appId = appId(stack, sidecar);
			String pubsub = pubsubOf(environment(stack, appOf(sidecar)));
			assertThat(type(pubsub)).as("%s: %s", stack, pubsub).isEqualTo("pubsub.kafka");
			assertThat(scopes(pubsub)).as("%s: %s loads %s", stack, appId, pubsub).contains(appId);
		}
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void appsThatPushLiveUpdatesAloneUseTheLivePubSubAndAppsThatShareWorkNever(Stack stack) {
		for (String sidecar : sidecars(stack)) {
			List<String> roles = roles(environment(stack, appOf(sidecar)).get("TASKFLOW_ROLES"));
			String pubsub = pubsubOf(environment(stack, appOf(sidecar)));
			if (pushesLiveUpdatesAlone(roles)) {
				assertThat(pubsub).as("%s: %s runs %s", stack, appOf(sidecar), roles).isEqualTo(LIVE_PUBSUB);
			}
			if (sharesWork(roles)) {
				assertThat(pubsub).as("%s: %s runs %s", stack, appOf(sidecar), roles).isNotEqualTo(LIVE_PUBSUB);
			}
		}
	}

	@Test
	void thePubSubScopesAreTheAppIdsThatUseThemAndTheLiveOneTheAppsThatPushLiveUpdatesAlone() {
		String shared = ComponentNames.ofTheApplication().pubsub();
		Set<String> pushAlone = new HashSet<>();
		Map<String, Set<String>> users = new LinkedHashMap<>();
		for (Stack stack : stacks()) {
			for (String sidecar : sidecars(stack)) {
				Map<String, String> environment = environment(stack, appOf(sidecar));
				if (pushesLiveUpdatesAlone(roles(environment.get("TASKFLOW_ROLES")))) {
					pushAlone.add(appId(stack, sidecar));
				}
				users.computeIfAbsent(pubsubOf(environment), name -> new HashSet<>()).add(appId(stack, sidecar));
			}
		}
		assertThat(pushAlone).as("app ids that run web and no work-sharing role").isNotEmpty();
		assertThat(scopes(LIVE_PUBSUB)).containsExactlyInAnyOrderElementsOf(pushAlone)
			.containsExactlyInAnyOrderElementsOf(users.getOrDefault(LIVE_PUBSUB, Set.of()));
		assertThat(scopes(shared)).containsExactlyInAnyOrderElementsOf(users.getOrDefault(shared, Set.of()));
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void sidecarsThatLoadAComponentNamingThePodKnowTheirPodName(Stack stack) {
		boolean any = false;
		for (String sidecar : sidecars(stack)) {
			String appId = appId(stack, sidecar);
			for (Path file : yamlFilesIn("dapr/components")) {
				Map<String, Object> resource = yaml(file);
				boolean namesThePod = "Component".equals(resource.get("kind"))
						&& DaprComponentTests.metadata(resource).values().stream().anyMatch(value -> value.contains("{podName}"));
				if (namesThePod && strings(at(resource, "scopes")).contains(appId)) {
					any = true;
					assertThat(environment(stack, sidecar).get("POD_NAME"))
						.as("%s: daprd of %s refuses %s without POD_NAME", stack, appId, file.getFileName())
						.isNotBlank();
				}
			}
		}
		if (!stack.profiles().isEmpty()) {
			assertThat(any).as("%s loads the live pub/sub somewhere", stack).isTrue();
		}
	}

	@Test
	void theAllInOneAppRunsEveryRoleWithTheDaprProfile() {
		String main = appOf(sidecars().stream()
			.filter(sidecar -> profiles(sidecar).isEmpty())
			.findFirst()
			.orElseThrow());
		assertThat(flag(command(main + "-dapr"), "--app-id")).contains("taskflow");
		assertThat(environment(main)).containsEntry("TASKFLOW_ROLES", "all").containsEntry("SPRING_PROFILES_ACTIVE", "dapr");
		assertThat(strings(services.get(main).get("ports"))).contains("8000:8000");
		for (String sidecar : sidecars()) {
			assertThat(environment(appOf(sidecar))).containsEntry("SPRING_PROFILES_ACTIVE", "dapr");
		}
	}

	@Test
	void appsAndTheirSidecarsShareTheApiTokens() {
		for (String sidecar : sidecars()) {
			Map<String, String> app = rawEnvironment(appOf(sidecar));
			Map<String, String> dapr = rawEnvironment(sidecar);
			for (String token : List.of("APP_API_TOKEN", "DAPR_API_TOKEN")) {
				assertThat(dapr.get(token)).as("%s of %s", token, sidecar).isEqualTo(app.get(token));
				assertThat(withDefaults(dapr.get(token))).as("%s defaults to a token", token).isNotBlank();
			}
		}
	}

	@Test
	void brokersAgreeBetweenRedpandaItsClientsAndThePubSubComponent() {
		List<String> redpanda = command("redpanda");
		Map<String, String> listeners = listeners(flag(redpanda, "--kafka-addr").orElseThrow());
		Map<String, String> advertised = listeners(flag(redpanda, "--advertise-kafka-addr").orElseThrow());
		String brokers = DaprComponentTests.metadata(DaprComponentTests.component(
				ComponentNames.ofTheApplication().pubsub())).get("brokers");

		for (String broker : brokers.split(",")) {
			String listener = advertised.entrySet().stream()
				.filter(entry -> entry.getValue().equals(broker))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow(() -> new AssertionError("Redpanda does not advertise " + broker));
			assertThat(services).containsKey(broker.split(":")[0]);
			assertThat(port(listeners.get(listener))).as("listener %s binds the advertised port", listener).isEqualTo(port(broker));
		}
		advertised.forEach((listener, address) -> {
			if (address.startsWith("localhost:")) {
				assertThat(strings(services.get("redpanda").get("ports"))).contains(port(address) + ":" + port(listeners.get(listener)));
			}
		});
		assertThat(environment("console")).containsEntry("KAFKA_BROKERS", brokers);
		assertThat(environment("kafka-init")).containsEntry("KAFKA_BROKERS", brokers);
	}

	@Test
	void theInitJobCreatesTheTopicsOfTheDesignAndTheirDeadLetterTopicsBeforeTheAppsStart() {
		String script = read(ROOT.resolve("scripts/init-kafka-topics.sh"));
		assertThat(topicsOfTheInitScript(script)).containsExactlyInAnyOrderElementsOf(TOPICS);
		assertThat(Integer.parseInt(shellVariable(script, "DLQ_PARTITIONS"))).isPositive();
		assertThat(Long.parseLong(shellVariable(script, "DLQ_RETENTION_MS")))
			.isGreaterThanOrEqualTo(TOPICS.stream().mapToLong(Topic::retentionMs).max().orElseThrow());
		assertThat(script).contains("\"${topic}-dlq\"");

		Map<String, Object> job = services.get("kafka-init");
		assertThat(strings(job.get("entrypoint"))).contains("/scripts/init-kafka-topics.sh");
		assertThat(mounts("kafka-init")).containsEntry("/scripts/init-kafka-topics.sh", "./scripts/init-kafka-topics.sh");
		assertThat(job.get("restart")).isEqualTo("no");
		assertThat(withDefaults((String) job.get("image"))).isEqualTo(withDefaults((String) services.get("redpanda").get("image")));
		for (String sidecar : sidecars()) {
			assertThat(dependencies(appOf(sidecar))).containsEntry("kafka-init", "service_completed_successfully");
		}
	}

	@Test
	void theTopicTableIsTheOneOfTheEventsDocument() {
		Map<String, String> retention = new LinkedHashMap<>();
		Matcher row = Pattern.compile("(?m)^\\|\\s*`([a-z-]+)`\\s*\\|.*\\|\\s*([^|]*(?:day|hour)[^|]*)\\|\\s*$")
			.matcher(read(ROOT.resolve("docs/events.md")));
		while (row.find()) {
			retention.put(row.group(1), row.group(2).trim());
		}
		assertThat(retention.keySet()).containsExactlyInAnyOrderElementsOf(TOPICS.stream().map(Topic::name).toList());
		for (Topic topic : TOPICS) {
			String text = retention.get(topic.name());
			assertThat(milliseconds(text)).as(topic.name()).isEqualTo(topic.retentionMs());
			Matcher partitions = Pattern.compile("(\\d+) partitions").matcher(text);
			if (partitions.find()) {
				assertThat(Integer.parseInt(partitions.group(1))).as(topic.name()).isEqualTo(topic.partitions());
			}
		}
	}

	@Test
	void everyDependencyConditionNamesAServiceThatCanMeetIt() {
		services.forEach((name, service) -> dependencies(name).forEach((dependency, condition) -> {
			assertThat(services).as("%s depends on", name).containsKey(dependency);
			Map<String, Object> target = services.get(dependency);
			switch (condition) {
				case "service_healthy" -> assertThat(target).as("%s has a healthcheck", dependency).containsKey("healthcheck");
				case "service_completed_successfully" -> assertThat(target.get("restart")).as(dependency).isEqualTo("no");
				case "service_started" -> assertThat(target).isNotNull();
				default -> throw new AssertionError(name + " uses an unknown condition " + condition);
			}
			if (profiles(name).isEmpty()) {
				assertThat(profiles(dependency)).as("%s always runs, so must %s", name, dependency).isEmpty();
			}
		}));
	}

	@Test
	void theDatabaseCredentialsAgreeBetweenPostgresTheAppsAndTheStateStore() {
		Map<String, String> postgres = environment("postgres");
		String database = postgres.get("POSTGRES_DB");
		String user = postgres.get("POSTGRES_USER");
		String password = postgres.get("POSTGRES_PASSWORD");
		for (String sidecar : sidecars()) {
			assertThat(environment(appOf(sidecar))).containsEntry("DATABASE_URL", "jdbc:postgresql://postgres:5432/" + database)
				.containsEntry("DATABASE_USERNAME", user)
				.containsEntry("DATABASE_PASSWORD", password);
		}
		String connection = at(DaprComponentTests.localSecrets(), "taskflow", "statestore-connection-string");
		assertThat(connection.split("\\s+")).contains("host=postgres", "user=" + user, "password=" + password,
				"dbname=" + database);
	}

	private static String type(String component) {
		return at(DaprComponentTests.component(component), "spec", "type");
	}

	private static List<String> scopes(String component) {
		return strings(at(DaprComponentTests.component(component), "scopes"));
	}

	private static List<String> sidecars() {
		return services.keySet().stream()
			.filter(name -> withDefaults(String.valueOf(services.get(name).get("image"))).startsWith("daprio/daprd:"))
			.toList();
	}

	/** The sidecars a stack starts: those without a profile and those of its profiles. */
	private static List<String> sidecars(Stack stack) {
		return sidecars().stream()
			.filter(sidecar -> profiles(sidecar).isEmpty() || profiles(sidecar).stream().anyMatch(stack.profiles()::contains))
			.toList();
	}

	private static String appId(Stack stack, String sidecar) {
		return flag(strings(services.get(sidecar).get("command")).stream()
			.map(argument -> withVariables(argument, stack.variables()))
			.toList(), "--app-id").orElseThrow();
	}

	private static Map<String, String> environment(Stack stack, String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		rawEnvironment(service).forEach((key, value) -> environment.put(key, withVariables(value, stack.variables())));
		return environment;
	}

	/** The app a sidecar calls: the service named by its --app-channel-address. */
	private static String appOf(String sidecar) {
		String app = flag(command(sidecar), "--app-channel-address").orElseThrow(() ->
				new AssertionError(sidecar + " has no --app-channel-address: it would call 127.0.0.1, its own container"));
		assertThat(services).containsKey(app);
		return app;
	}

	private static List<String> command(String service) {
		assertThat(services).containsKey(service);
		return strings(services.get(service).get("command")).stream().map(DeployFiles::withDefaults).toList();
	}

	private static Map<String, String> rawEnvironment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		find(services.get(service), "environment").ifPresent(values ->
				asMap(values).forEach((key, value) -> environment.put(key, String.valueOf(value))));
		return environment;
	}

	private static Map<String, String> environment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		rawEnvironment(service).forEach((key, value) -> environment.put(key, withDefaults(value)));
		return environment;
	}

	private static List<String> profiles(String service) {
		return find(services.get(service), "profiles").map(DeployFiles::strings).orElse(List.of());
	}

	/** depends_on as dependency -> condition; the short list form means service_started. */
	private static Map<String, String> dependencies(String service) {
		Map<String, String> dependencies = new LinkedHashMap<>();
		Object dependsOn = services.get(service).get("depends_on");
		if (dependsOn instanceof List<?> list) {
			list.forEach(dependency -> dependencies.put(String.valueOf(dependency), "service_started"));
		}
		else if (dependsOn != null) {
			asMap(dependsOn).forEach((dependency, spec) ->
					dependencies.put(dependency, String.valueOf(asMap(spec).getOrDefault("condition", "service_started"))));
		}
		return dependencies;
	}

	/** Bind mounts as container path -> host path (with variable defaults), named volumes left out. */
	private static Map<String, String> mounts(String service) {
		Map<String, String> mounts = new LinkedHashMap<>();
		for (Object volume : asList(find(services.get(service), "volumes").orElse(List.of()))) {
			String[] parts = withDefaults(String.valueOf(volume)).split(":");
			if (parts[0].startsWith(".")) {
				mounts.put(parts[1], parts[0]);
			}
		}
		return mounts;
	}

	/** The host file behind a container path, through the mount that covers it most closely. */
	private static Optional<Path> hostPath(Map<String, String> mounts, String containerPath) {
		return mounts.entrySet().stream()
			.filter(mount -> containerPath.equals(mount.getKey()) || containerPath.startsWith(mount.getKey() + "/"))
			.max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
			.map(mount -> ROOT.resolve(mount.getValue()).resolve(containerPath.substring(mount.getKey().length()).replaceFirst("^/", "")).normalize());
	}

	private static void assertListens(String address) {
		String[] hostAndPort = address.split(":");
		assertThat(services).as("service for %s", address).containsKey(hostAndPort[0]);
		assertThat(flag(command(hostAndPort[0]), "--port")).as("%s listens on", hostAndPort[0]).contains(hostAndPort[1]);
	}

	/** {@code internal://0.0.0.0:9092,external://…} as listener name -> host:port. */
	private static Map<String, String> listeners(String addresses) {
		Map<String, String> listeners = new LinkedHashMap<>();
		for (String address : addresses.split(",")) {
			String[] nameAndAddress = address.split("://");
			listeners.put(nameAndAddress[0], nameAndAddress[1]);
		}
		return listeners;
	}

	private static String port(String address) {
		return address.substring(address.lastIndexOf(':') + 1);
	}

	private static long milliseconds(String text) {
		Matcher matcher = Pattern.compile("(\\d+)\\s*(day|hour)").matcher(text);
		assertThat(matcher.find()).as("a retention in '%s'", text).isTrue();
		long amount = Long.parseLong(matcher.group(1));
		return amount * ("day".equals(matcher.group(2)) ? 86_400_000L : 3_600_000L);
	}

}
