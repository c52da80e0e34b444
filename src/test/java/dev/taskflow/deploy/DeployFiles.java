package dev.taskflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the deployment artefacts (compose file, Dapr resources, chart, scripts) and the facts of
 * the application they must agree with. Paths are relative to the project root, where Maven runs
 * the tests.
 */
final class DeployFiles {

	static final Path ROOT = Path.of("").toAbsolutePath();

	/** Every Dapr app id TaskFlow runs under: all-in-one, and one per role group. */
	static final Set<String> APP_IDS = Set.of("taskflow", "taskflow-api", "taskflow-audit", "taskflow-recurrence",
			"taskflow-reminders", "taskflow-notifications");

	/**
	 * The pub/sub of the processes that push live updates ({@code web}) and share no work: a Kafka
	 * consumer group per process, so that each of them receives every event (docs/events.md).
	 */
	static final String LIVE_PUBSUB = "taskflow-pubsub-live";

	/** Selects the pub/sub component the application subscribes and publishes through. */
	static final String PUBSUB_VARIABLE = "TASKFLOW_DAPR_PUBSUBNAME";

	/** Roles whose replicas share the work: the app id is their consumer group, one replica gets each event. */
	static final Set<String> WORK_SHARING_ROLES = Set.of("audit", "recurrence", "reminders", "notifications");

	/** The topics of docs/events.md, with their partitions and retention. */
	static final List<Topic> TOPICS = List.of(
			new Topic("task-events", 3, days(7)),
			new Topic("reminders", 3, days(1)),
			new Topic("notifications", 3, days(1)),
			new Topic("task-updates", 3, hours(1)));

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::-?([^}]*))?}");

	private DeployFiles() {
	}

	record Topic(String name, int partitions, long retentionMs) {
	}

	/** Dapr component names the application uses, from application.yml {@code taskflow.dapr}. */
	record ComponentNames(String pubsub, String stateStore, String secretStore, String cronBinding) {

		static ComponentNames ofTheApplication() {
			Path file = ROOT.resolve("src/main/resources/application.yml");
			assertThat(file).as("the application's configuration").exists();
			List<Object> documents = yamlAll(read(file));
			return new ComponentNames(applicationProperty(documents, "taskflow.dapr.pubsub-name"),
					applicationProperty(documents, "taskflow.dapr.state-store"),
					applicationProperty(documents, "taskflow.dapr.secret-store"),
					applicationProperty(documents, "taskflow.dapr.cron-binding"));
		}

		List<String> all() {
			return List.of(pubsub, stateStore, secretStore, cronBinding);
		}
	}

	/**
	 * The tables of a PostgreSQL state store (Dapr creates them when the sidecar starts) are in a
	 * schema of their own that a Flyway migration creates, never in public: Flyway, without
	 * baseline-on-migrate, refuses a public schema that holds tables but not its history table, and
	 * on Kubernetes the sidecar may start before the app has migrated.
	 */
	static void assertStateStoreTablesAreInASchemaOfTheirOwn(Map<String, String> metadata, String where) {
		String stateTable = metadata.getOrDefault("tableName", "state");
		String metadataTable = metadata.getOrDefault("metadataTableName", "dapr_metadata");
		Pattern qualified = Pattern.compile("([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)");
		Matcher state = qualified.matcher(stateTable);
		Matcher meta = qualified.matcher(metadataTable);
		assertThat(state.matches()).as("%s: tableName %s names its schema", where, stateTable).isTrue();
		assertThat(meta.matches()).as("%s: metadataTableName %s names its schema", where, metadataTable).isTrue();
		String schema = state.group(1);
		assertThat(schema).as("%s: the state store's schema", where).isNotEqualTo("public");
		assertThat(meta.group(1)).as("%s: both tables in one schema", where).isEqualTo(schema);
		assertThat(schemasTheMigrationsCreate()).as("%s: Dapr does not create the schema %s; a migration must", where, schema)
			.contains(schema);
	}

	/** The schemas the PostgreSQL migrations create ({@code create schema if not exists x}). */
	static Set<String> schemasTheMigrationsCreate() {
		Pattern create = Pattern.compile("(?i)create\\s+schema\\s+if\\s+not\\s+exists\\s+([a-z_][a-z0-9_]*)");
		Set<String> schemas = new TreeSet<>();
		for (String folder : List.of("db/migration", "db/migration-postgresql")) {
			try (Stream<Path> files = Files.list(ROOT.resolve("src/main/resources").resolve(folder))) {
				files.filter(file -> file.toString().endsWith(".sql")).forEach(file -> {
					Matcher matcher = create.matcher(read(file));
					while (matcher.find()) {
						schemas.add(matcher.group(1).toLowerCase(Locale.ROOT));
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return schemas;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The Dapr version Compose runs by default and docs/deploy.md installs on Kubernetes. */
	static String pinnedDaprVersion() {
		Matcher image = Pattern.compile("daprio/daprd:\\$\\{DAPR_VERSION:-([^}]+)}").matcher(read(ROOT.resolve("docker-compose.yml")));
		assertThat(image.find()).as("docker-compose.yml pins daprd").isTrue();
		return image.group(1);
	}

	/**
	 * The least time a Dapr retry policy keeps retrying. constant: maxRetries waits of duration.
	 * exponential: Dapr 1.16 builds it on cenkalti/backoff v4 with that library's defaults (500 ms,
	 * growing by 1.5, jitter 0.5) including its 15-minute maxElapsedTime, which a Resiliency spec
	 * cannot change (pkg/resiliency/resiliency.go, kit retry.DefaultConfig at dapr v1.16.9).
	 */
	static Duration shortestRetryTime(Map<String, Object> policy) {
		int retries = (Integer) policy.get("maxRetries");
		assertThat(retries).as("a bounded policy: -1 would never dead-letter").isPositive();
		if ("constant".equals(policy.get("policy"))) {
			return goDuration(String.valueOf(policy.getOrDefault("duration", "5s"))).multipliedBy(retries);
		}
		assertThat(policy.get("policy")).isEqualTo("exponential");
		long maxInterval = goDuration(String.valueOf(policy.getOrDefault("maxInterval", "60s"))).toMillis();
		double interval = 500;
		double total = 0;
		for (int retry = 0; retry < retries; retry++) {
			total += Math.min(interval, maxInterval) * 0.5;
			interval *= 1.5;
		}
		return Duration.ofMillis((long) Math.min(total, Duration.ofMinutes(15).toMillis()));
	}

	/** A Go duration of one unit, as Dapr resources write them: 500ms, 30s, 5m, 2h. */
	static Duration goDuration(String text) {
		Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
		assertThat(matcher.matches()).as("a duration: %s", text).isTrue();
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

	/** The lines of a fixture under src/test/resources/deploy, without its comment lines. */
	static Set<String> fixtureLines(String name) {
		String text = read(ROOT.resolve("src/test/resources/deploy").resolve(name));
		return text.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	static Map<String, Object> yaml(Path file) {
		return asMap(newYaml().load(read(file)));
	}

	static List<Object> yamlAll(String content) {
		List<Object> documents = new ArrayList<>();
		newYaml().loadAll(content).forEach(document -> {
			if (document != null) {
				documents.add(document);
			}
		});
		return documents;
	}

	static List<Path> yamlFilesIn(String directory) {
		try (Stream<Path> files = Files.list(ROOT.resolve(directory))) {
			return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Follows a path of map keys; fails the test with the path if a step is missing. */
	@SuppressWarnings("unchecked")
	static <T> T at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			assertThat(current).as("parent of '%s' in %s", key, String.join(".", path)).isInstanceOf(Map.class);
			current = ((Map<String, Object>) current).get(key);
			assertThat(current).as(String.join(".", path)).isNotNull();
		}
		return (T) current;
	}

	@SuppressWarnings("unchecked")
	static Optional<Object> find(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map)) {
				return Optional.empty();
			}
			current = ((Map<String, Object>) current).get(key);
		}
		return Optional.ofNullable(current);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	static List<Object> asList(Object node) {
		assertThat(node).isInstanceOf(List.class);
		return (List<Object>) node;
	}

	static List<Map<String, Object>> maps(Object node) {
		return asList(node).stream().map(DeployFiles::asMap).toList();
	}

	static List<String> strings(Object node) {
		return asList(node).stream().map(String::valueOf).toList();
	}

	/** Compose-style interpolation with the defaults: {@code ${VAR:-default}} becomes {@code default}. */
	static String withDefaults(String value) {
		return withVariables(value, Map.of());
	}

	/** Compose-style interpolation: a variable that is set and not empty, else the default. */
	static String withVariables(String value, Map<String, String> variables) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String set = variables.get(matcher.group(1));
			String replacement = set == null || set.isEmpty() ? Objects.toString(matcher.group(2), "") : set;
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * The variables a shell command line sets before {@code docker compose}, from the first line in
	 * {@code text} that holds {@code command} (following backslash continuations backwards), e.g.
	 * {@code A=1 B=2 \ docker compose --profile consumers up -d}.
	 */
	static Map<String, String> variablesBefore(String text, String command) {
		int at = text.indexOf(command);
		assertThat(at).as("'%s' in the text", command).isNotNegative();
		int start = text.lastIndexOf('\n', at) + 1;
		while (start > 1 && text.substring(text.lastIndexOf('\n', start - 2) + 1, start - 1).stripTrailing().endsWith("\\")) {
			start = text.lastIndexOf('\n', start - 2) + 1;
		}
		Map<String, String> variables = new LinkedHashMap<>();
		Matcher assignment = Pattern.compile("(?<![\\w$])([A-Z][A-Z0-9_]*)=(\\S+)").matcher(text.substring(start, at));
		while (assignment.find()) {
			variables.put(assignment.group(1), assignment.group(2));
		}
		return variables;
	}

	/** The value after a flag in an argument list: {@code --port 5} or {@code --port=5}. */
	static Optional<String> flag(List<String> arguments, String name) {
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (argument.equals(name) && i + 1 < arguments.size()) {
				return Optional.of(arguments.get(i + 1));
			}
			if (argument.startsWith(name + "=")) {
				return Optional.of(argument.substring(name.length() + 1));
			}
		}
		return Optional.empty();
	}

	static boolean hasFlag(List<String> arguments, String name) {
		return arguments.stream().anyMatch(argument -> argument.equals(name) || argument.startsWith(name + "="));
	}

	static List<String> roles(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(role -> !role.isEmpty()).toList();
	}

	/** The assistant keeps conversations in the state store; the API serves them. */
	static boolean usesStateStore(List<String> roles) {
		return roles.contains("all") || roles.contains("api") || roles.contains("assistant");
	}

	static boolean usesCronBinding(List<String> roles) {
		return roles.contains("all") || roles.contains("reminders");
	}

	/** Runs a role whose replicas share one consumer group ({@code all} runs them all). */
	static boolean sharesWork(List<String> roles) {
		return roles.contains("all") || roles.stream().anyMatch(WORK_SHARING_ROLES::contains);
	}

	/** Pushes live updates ({@code web}, or {@code all}): every replica must receive every event. */
	static boolean pushesLiveUpdates(List<String> roles) {
		return roles.contains("all") || roles.contains("web");
	}

	/** Pushes live updates and shares no work: what the live pub/sub is for. */
	static boolean pushesLiveUpdatesAlone(List<String> roles) {
		return pushesLiveUpdates(roles) && !sharesWork(roles);
	}

	/** The pub/sub a process uses: {@value #PUBSUB_VARIABLE}, else (unset or blank) the application's default. */
	static String pubsubOf(Map<String, String> environment) {
		String selected = environment.get(PUBSUB_VARIABLE);
		return selected == null || selected.isBlank() ? ComponentNames.ofTheApplication().pubsub() : selected.strip();
	}

	/** The topic table of scripts/init-kafka-topics.sh: its TOPICS block and the -dlq settings. */
	static List<Topic> topicsOfTheInitScript(String script) {
		Matcher block = Pattern.compile("(?s)\\nTOPICS='(.*?)'").matcher(script);
		assertThat(block.find()).as("TOPICS table in the init script").isTrue();
		List<Topic> topics = new ArrayList<>();
		for (String line : block.group(1).split("\\R")) {
			String[] columns = line.trim().split("\\s+");
			if (columns.length == 3) {
				topics.add(new Topic(columns[0], Integer.parseInt(columns[1]), Long.parseLong(columns[2])));
			}
		}
		return topics;
	}

	static String shellVariable(String script, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "=(\\S+)").matcher(script);
		assertThat(matcher.find()).as("%s in the init script", name).isTrue();
		return matcher.group(1);
	}

	private static String applicationProperty(List<Object> documents, String property) {
		for (Object document : documents) {
			Optional<Object> value = relaxedLookup(document, property.split("\\."));
			if (value.isPresent()) {
				return withSpringDefault(String.valueOf(value.get()));
			}
		}
		throw new AssertionError("application.yml has no " + property);
	}

	/** Spring lets a YAML key hold several segments ({@code taskflow.dapr: …}); try every split. */
	@SuppressWarnings("unchecked")
	private static Optional<Object> relaxedLookup(Object node, String[] segments) {
		if (segments.length == 0) {
			return Optional.ofNullable(node);
		}
		if (!(node instanceof Map)) {
			return Optional.empty();
		}
		Map<String, Object> map = (Map<String, Object>) node;
		for (int i = 1; i <= segments.length; i++) {
			String key = String.join(".", Arrays.copyOfRange(segments, 0, i));
			if (map.containsKey(key)) {
				Optional<Object> found = relaxedLookup(map.get(key), Arrays.copyOfRange(segments, i, segments.length));
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	/** {@code ${NAME:default}} as Spring resolves it when NAME is unset. */
	private static String withSpringDefault(String value) {
		Matcher matcher = Pattern.compile("^\\$\\{[^:}]+:(.*)}$").matcher(value.trim());
		return matcher.matches() ? matcher.group(1) : value;
	}

	private static long days(int days) {
		return hours(24 * days);
	}

	private static long hours(int hours) {
		return hours * 3_600_000L;
	}

	private static Yaml newYaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new Yaml(new SafeConstructor(options));
	}

}
