package dev.taskflow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static dev.taskflow.deploy.DeployFiles.ROOT;
import static dev.taskflow.deploy.DeployFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The Dockerfile and .dockerignore, instruction by instruction (no Docker engine needed). */
class DockerfileTests {

	@Test
	void theImageIsBuiltWithTheMavenWrapperAndRunsOnAJre() {
		List<String> stages = instructions("FROM");
		assertThat(stages).hasSize(2);
		assertThat(stages.get(0)).contains("-jdk").endsWith("AS build");
		assertThat(stages.get(1)).contains("-jre").doesNotContain(" AS ");
		assertThat(instructions("RUN")).anyMatch(run -> run.contains("./mvnw") && run.contains("package"));
	}

	@Test
	void theJarIsExtractedIntoSpringBootLayersAndStartedFromItsExtractedForm() {
		assertThat(instructions("RUN"))
			.anyMatch(run -> run.contains("java -Djarmode=tools -jar target/taskflow.jar extract --layers --destination extracted"));
		List<String> layers = instructions("COPY").stream()
			.filter(copy -> copy.startsWith("--from=build"))
			.map(copy -> copy.replaceAll(".*/extracted/([a-z-]+)/.*", "$1"))
			.toList();
		assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		assertThat(entrypoint()).endsWith("\"-jar\", \"taskflow.jar\"]")
			.contains("-XX:MaxRAMPercentage=", "-XX:TrimNativeHeapInterval=")
			.as("an initial heap of half the limit is memory an idle process holds for nothing")
			.doesNotContain("InitialRAMPercentage");
	}

	@Test
	void theImageRunsOnJava25WithAnAotCacheFromATrainingRunOfItsOwnJars() {
		assertThat(instructions("ARG")).contains("JAVA_VERSION=25");
		assertThat(trainingRun()).contains("-XX:AOTCacheOutput=", "-XX:ArchiveClassesAtExit=", "/actuator/health/readiness",
				"kill -TERM", "jvm.options");
		assertThat(entrypoint()).startsWith("[\"java\", \"@jvm.options\"");
	}

	/** The RUN instruction of the runtime stage that records the AOT cache (or CDS archive), as a shell script. */
	static String trainingRun() {
		List<String> runs = instructions("RUN").stream()
			.filter(run -> run.contains("AOTCacheOutput"))
			.toList();
		assertThat(runs).as("one training run").hasSize(1);
		return runs.get(0);
	}

	@Test
	void theAppRunsAsANumericNonRootUser() {
		assertThat(imageUser()).isPositive();
		assertThat(instructions("USER")).singleElement().asString().matches("\\d+:\\d+");
	}

	@Test
	void theContainerListensOnPort8000AndReportsItsLiveness() {
		assertThat(instructions("EXPOSE")).containsExactly("8000");
		assertThat(instructions("ENV")).anyMatch(env -> env.contains("PORT=8000"));
		assertThat(instructions("HEALTHCHECK")).singleElement().asString()
			.contains("curl", "/actuator/health/liveness", "${PORT}");
		assertThat(instructions("RUN")).as("the JRE image needs curl for the healthcheck")
			.anyMatch(run -> run.contains("apt-get install") && run.contains("curl"));
	}

	@Test
	void theBuildContextHoldsOnlyWhatTheBuildCopies() {
		List<String> rules = read(ROOT.resolve(".dockerignore")).lines()
			.map(String::trim)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(rules.get(0)).isEqualTo("*");
		assertThat(rules).contains("!mvnw", "!.mvn/", "!pom.xml", "!src/");
	}

	/** The uid of the USER instruction, which the Helm chart must run as. */
	static int imageUser() {
		Matcher user = Pattern.compile("^(\\d+)").matcher(instructions("USER").get(0));
		assertThat(user.find()).as("numeric USER").isTrue();
		return Integer.parseInt(user.group(1));
	}

	static String entrypoint() {
		List<String> entrypoints = instructions("ENTRYPOINT");
		assertThat(entrypoints).hasSize(1);
		return entrypoints.get(0);
	}

	/** The arguments of every instruction with this keyword, continuation lines joined. */
	static List<String> instructions(String keyword) {
		String dockerfile = read(ROOT.resolve("Dockerfile")).replaceAll("\\\\\\R\\s*", " ");
		List<String> found = new ArrayList<>();
		for (String line : dockerfile.split("\\R")) {
			String trimmed = line.trim();
			if (trimmed.startsWith(keyword + " ")) {
				found.add(trimmed.substring(keyword.length() + 1).trim());
			}
		}
		return found;
	}

}
