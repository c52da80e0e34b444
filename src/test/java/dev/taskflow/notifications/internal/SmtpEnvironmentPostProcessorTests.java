package dev.taskflow.notifications.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpEnvironmentPostProcessorTests {

	@Test
	void smtpVariablesBecomeSpringMailSettings() {
		StandardEnvironment environment = environment(Map.of("SMTP_HOST", "smtp.example.com", "SMTP_PORT", "2525",
				"SMTP_USERNAME", "ann", "SMTP_PASSWORD", "secret"));

		assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example.com");
		assertThat(environment.getProperty("spring.mail.port")).isEqualTo("2525");
		assertThat(environment.getProperty("spring.mail.username")).isEqualTo("ann");
		assertThat(environment.getProperty("spring.mail.password")).isEqualTo("secret");
	}

	@Test
	void withoutAHostMailStaysOff() {
		StandardEnvironment environment = environment(Map.of("SMTP_HOST", "  ", "SMTP_PORT", "2525"));

		assertThat(environment.containsProperty("spring.mail.host")).isFalse();
	}

	@Test
	void explicitSpringMailSettingsWin() {
		StandardEnvironment environment = environment(Map.of("SMTP_HOST", "smtp.example.com", "spring.mail.host",
				"mail.internal"));

		assertThat(environment.getProperty("spring.mail.host")).isEqualTo("mail.internal");
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
		new SmtpEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}
}
