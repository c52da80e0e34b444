package dev.taskflow.platform.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import dev.taskflow.TaskFlowApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start that cannot open the database says why in a few lines, not in a 200-line stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartFailureTests {

	@TempDir
	Path dataDir;

	@Test
	void aSecondTaskFlowOnTheSameDataDirectoryIsToldSo(CapturedOutput output) throws Exception {
		// H2 locks its file against other processes only (a second open in this JVM would share it), so the
		// first "TaskFlow" is H2's shell in a process of its own, holding the database open
		Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url",
				"jdbc:h2:file:" + dataDir.toAbsolutePath() + "/taskflow;MODE=PostgreSQL;AUTO_SERVER=FALSE", "-user", "sa",
				"-password", "")
			.redirectErrorStream(true)
			.start();
		try (BufferedWriter commands = first.outputWriter(); BufferedReader answers = first.inputReader()) {
			commands.write("SELECT 'holding' AS state;\n");
			commands.flush();
			assertThat(answers.lines().filter(line -> line.contains("holding")).findFirst()).isPresent();

			assertThatThrownBy(() -> start(dataDir)).isNotNull();
		}
		finally {
			first.destroy();
		}

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("The embedded database is in use by another process")
			.contains("give this one a directory of its own (TASKFLOW_DATA_DIR)")
			.doesNotContain("Application run failed");
	}

	@Test
	void aDataDirectoryThatCannotBeCreatedIsNamed(CapturedOutput output) throws Exception {
		Path aFile = Files.writeString(dataDir.resolve("a-file"), "not a directory");

		assertThatThrownBy(() -> start(aFile.resolve("data"))).isNotNull();

		// H2 itself prints that it cannot write its trace file; Spring's 400-line "Application run failed" is gone
		assertThat(output.getAll()).contains("The embedded database could not be opened")
			.contains("TASKFLOW_DATA_DIR names a directory TaskFlow can create and write to")
			.doesNotContain("Application run failed");
	}

	@Test
	void postgresqlsRefusalsSayWhatToCheck() {
		DatabaseStartFailure analyzer = new DatabaseStartFailure();

		FailureAnalysis password = analyzer.analyze(new IllegalStateException(
				new SQLException("FATAL: password authentication failed for user \"taskflow\"", "28P01")));
		FailureAnalysis server = analyzer.analyze(new IllegalStateException(
				new SQLException("Connection to localhost:5499 refused.", "08001")));
		FailureAnalysis database = analyzer.analyze(new IllegalStateException(
				new SQLException("FATAL: database \"nope\" does not exist", "3D000")));

		assertThat(password.getAction()).contains("DATABASE_PASSWORD");
		assertThat(server.getDescription()).contains("localhost:5499");
		assertThat(database.getAction()).contains("createdb");
		assertThat(analyzer.analyze(new IllegalStateException(new SQLException("syntax error", "42601")))).isNull();
	}

	private static void start(Path dataDir) {
		new SpringApplicationBuilder(TaskFlowApplication.class).run("--server.port=0",
				"--TASKFLOW_DATA_DIR=" + dataDir.toAbsolutePath());
	}
}
