package dev.taskflow.platform.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import com.sun.management.VMOption.Origin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings change a JVM's global state, so the end-to-end cases run in a JVM of their own (the
 * {@link Probe} below), started like {@code java -jar} with no flags but the collector.
 */
class IdleHeapReleaseTests {

	@Test
	void aG1JvmWithTheDefaultsGetsTheIdleSettings() throws Exception {
		assertThat(probe("-XX:+UseG1GC")).isEqualTo(
				"MinHeapFreeRatio=10 MaxHeapFreeRatio=30 G1PeriodicGCInterval=15000 origin=MANAGEMENT");
	}

	@Test
	void aFlagTheOperatorGaveWinsAndTheOthersStayAsTheyWere() throws Exception {
		assertThat(probe("-XX:+UseG1GC", "-XX:MaxHeapFreeRatio=50")).isEqualTo(
				"MinHeapFreeRatio=40 MaxHeapFreeRatio=50 G1PeriodicGCInterval=0 origin=DEFAULT");
	}

	@Test
	void anotherCollectorIsLeftAlone() throws Exception {
		assertThat(probe("-XX:+UseSerialGC")).endsWith("G1PeriodicGCInterval=0 origin=DEFAULT");
	}

	@Test
	void anUnknownOptionMeansTheJvmIsNotOneThisKnows() {
		assertThat(IdleHeapRelease.applies(name -> {
			if (name.equals("G1PeriodicGCInterval")) {
				throw new IllegalArgumentException("VM option \"G1PeriodicGCInterval\" does not exist");
			}
			return option(name, "UseG1GC".equals(name) ? "true" : "40", Origin.DEFAULT);
		})).isFalse();
	}

	@Test
	void optionsSetOverManagementCountAsChosen() {
		Map<String, VMOption> options = Map.of("UseG1GC", option("UseG1GC", "true", Origin.ERGONOMIC),
				"MinHeapFreeRatio", option("MinHeapFreeRatio", "40", Origin.DEFAULT), "MaxHeapFreeRatio",
				option("MaxHeapFreeRatio", "70", Origin.MANAGEMENT), "G1PeriodicGCInterval",
				option("G1PeriodicGCInterval", "0", Origin.DEFAULT));

		assertThat(IdleHeapRelease.applies(options::get)).isFalse();
	}

	private static VMOption option(String name, String value, Origin origin) {
		return new VMOption(name, value, true, origin);
	}

	private static String probe(String... flags) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(flags));
		command.addAll(List.of("-Xmx64m", "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		boolean exited = process.waitFor(60, TimeUnit.SECONDS);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(exited).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines().reduce((first, last) -> last).orElse("");
	}

	/** Runs the release as start-up would, then prints the options it may have set. */
	static final class Probe {

		public static void main(String[] args) {
			new IdleHeapRelease().releaseStartUpGarbage();
			HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			StringBuilder line = new StringBuilder();
			for (String name : IdleHeapRelease.SETTINGS.keySet()) {
				line.append(name).append('=').append(vm.getVMOption(name).getValue()).append(' ');
			}
			System.out.println(line.append("origin=").append(vm.getVMOption("G1PeriodicGCInterval").getOrigin()));
		}
	}
}
