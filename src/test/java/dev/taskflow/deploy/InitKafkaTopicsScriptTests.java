package dev.taskflow.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.taskflow.deploy.DeployFiles.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.taskflow.deploy.DeployFiles.ROOT;
import static dev.taskflow.deploy.DeployFiles.TOPICS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/init-kafka-topics.sh against a stand-in rpk that keeps topics in a folder: the script
 * must create the design's topics, and a second run (or a topic a client auto-created first)
 * must not fail the job.
 */
class InitKafkaTopicsScriptTests {

	/** Keeps each topic as a file "partitions retention.ms"; logs every call. */
	private static final String FAKE_RPK = """
			#!/usr/bin/env bash
			set -eu
			state="${RPK_STATE:?}"
			echo "$*" >> "$state/calls.log"
			[[ "$1" == topic ]] || exit 2
			command="$2"; shift 2
			case "$command" in
			  list) ls "$state/topics" ;;
			  describe)
			    [[ -f "$state/topics/$1" ]] || { echo "UNKNOWN_TOPIC_OR_PARTITION" >&2; exit 1; }
			    read -r partitions retention < "$state/topics/$1"
			    if [[ " $* " == *" --print-partitions "* ]]; then
			      echo "PARTITION  LEADER  EPOCH  REPLICAS"
			      for ((p = 0; p < partitions; p++)); do echo "$p          0       1      [0]"; done
			    else
			      echo "NAME  $1"
			    fi ;;
			  create)
			    topic="$1"; shift
			    [[ -f "$state/topics/$topic" ]] && { echo "$topic TOPIC_ALREADY_EXISTS" >&2; exit 1; }
			    partitions=1; retention=-1
			    while (($#)); do
			      case "$1" in
			        -p) partitions="$2"; shift 2 ;;
			        -c) retention="${2#retention.ms=}"; shift 2 ;;
			        *) shift ;;
			      esac
			    done
			    echo "$partitions $retention" > "$state/topics/$topic" ;;
			  alter-config)
			    topic="$1"
			    read -r partitions retention < "$state/topics/$topic"
			    [[ "$3" == retention.ms=* ]] && retention="${3#retention.ms=}"
			    echo "$partitions $retention" > "$state/topics/$topic" ;;
			  add-partitions)
			    topic="$1"
			    read -r partitions retention < "$state/topics/$topic"
			    echo "$((partitions + $3)) $retention" > "$state/topics/$topic" ;;
			  *) exit 2 ;;
			esac
			""";

	@TempDir
	Path work;

	@BeforeEach
	void installTheFakeRpk() throws IOException {
		Path bin = Files.createDirectories(work.resolve("bin"));
		Files.createDirectories(work.resolve("state/topics"));
		Path rpk = bin.resolve("rpk");
		Files.writeString(rpk, FAKE_RPK);
		Files.setPosixFilePermissions(rpk, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	@Test
	void createsTheDesignTopicsAndTheirDeadLetterTopics() throws Exception {
		assertThat(runScript()).isZero();

		Map<String, String> expected = new TreeMap<>();
		for (Topic topic : TOPICS) {
			expected.put(topic.name(), topic.partitions() + " " + topic.retentionMs());
			expected.put(topic.name() + "-dlq", "1 604800000");
		}
		assertThat(topics()).isEqualTo(expected);
		assertThat(calls()).anyMatch(call -> call.contains("brokers=redpanda:9092"));
	}

	@Test
	void aSecondRunChangesNothingAndSucceeds() throws Exception {
		assertThat(runScript()).isZero();
		Map<String, String> first = topics();

		assertThat(runScript()).isZero();
		assertThat(topics()).isEqualTo(first);
		assertThat(calls()).filteredOn(call -> call.startsWith("topic create")).hasSize(first.size());
	}

	@Test
	void aTopicAutoCreatedByAClientGetsTheDesignsPartitionsAndRetention() throws Exception {
		Files.writeString(work.resolve("state/topics/task-events"), "1 -1\n");

		assertThat(runScript()).isZero();
		assertThat(topics()).containsEntry("task-events", "3 604800000");
	}

	@Test
	void saslCredentialsSwitchOnScramOverTls() throws Exception {
		assertThat(runScript(Map.of("KAFKA_BROKERS", "seed.cloud:9092", "KAFKA_SASL_USERNAME", "taskflow",
				"KAFKA_SASL_PASSWORD", "secret"))).isZero();
		assertThat(calls()).allMatch(call -> call.contains("brokers=seed.cloud:9092")
				&& call.contains("sasl.mechanism=SCRAM-SHA-256") && call.contains("tls.enabled=true"));
	}

	@Test
	void unreachableBrokersFailTheJob() throws Exception {
		Files.delete(work.resolve("state/topics"));
		assertThat(runScript(Map.of("WAIT_ATTEMPTS", "1"))).isNotZero();
	}

	private int runScript() throws Exception {
		return runScript(Map.of());
	}

	private int runScript(Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("scripts/init-kafka-topics.sh").toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("output.log").toFile());
		builder.environment().put("PATH", work.resolve("bin") + ":" + System.getenv("PATH"));
		builder.environment().put("RPK_STATE", work.resolve("state").toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private Map<String, String> topics() throws IOException {
		Map<String, String> topics = new TreeMap<>();
		try (var files = Files.list(work.resolve("state/topics"))) {
			for (Path file : files.toList()) {
				topics.put(file.getFileName().toString(), Files.readString(file).trim());
			}
		}
		return topics;
	}

	private List<String> calls() throws IOException {
		Path log = work.resolve("state/calls.log");
		return Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
	}

}
