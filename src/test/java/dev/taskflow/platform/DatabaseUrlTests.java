package dev.taskflow.platform;



import dev.taskflow.platform.internal.DatabaseUrlEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DatabaseUrlTests {

	@Test
	void hostedProviderUrlsBecomeJdbcUrlsWithCredentials() {
		MockEnvironment environment = environment(
				"postgresql://neon%40user:p%3Ass+word@ep-cool-1.eu-central-1.aws.neon.tech/tasks?sslmode=require&channel_binding=require");
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(
				"jdbc:postgresql://ep-cool-1.eu-central-1.aws.neon.tech/tasks?sslmode=require&channelBinding=require");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("neon@user");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("p:ss+word");
	}

	@Test
	void postgresSchemeAndPortAreUnderstood() {
		MockEnvironment environment = environment("postgres://app:secret@db:6543/taskflow");
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:6543/taskflow");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
	}

	@Test
	void jdbcUrlsPassThroughWithSeparateCredentials() {
		MockEnvironment environment = environment("jdbc:postgresql://localhost/taskflow");
		environment.setProperty("DATABASE_USERNAME", "u");
		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost/taskflow");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("u");
	}

	@Test
	void withoutDatabaseUrlTheEmbeddedDefaultStays() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/taskflow");
		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:./data/taskflow");
	}

	@Test
	void anythingElseFailsStartUpWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> environment("mysql://x/y"))
			.withMessageContaining("DATABASE_URL must be a JDBC URL");
		assertThatIllegalStateException().isThrownBy(() -> environment("postgresql://host-only"))
			.withMessageContaining("must name a host and a database");
	}

	private static MockEnvironment environment(String databaseUrl) {
		MockEnvironment environment = new MockEnvironment();
		environment.setProperty("DATABASE_URL", databaseUrl);
		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
