package dev.taskflow.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads the SMTP settings operators expect ({@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USERNAME},
 * {@code SMTP_PASSWORD}) as Spring Boot's {@code spring.mail.*}. Only variables that are set count: an
 * empty {@code spring.mail.host} would still switch mail on. Explicit {@code spring.mail.*} settings
 * take precedence.
 */
public class SmtpEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "taskflowSmtp";

	private static final Map<String, String> VARIABLES = Map.of("SMTP_HOST", "spring.mail.host", "SMTP_PORT",
			"spring.mail.port", "SMTP_USERNAME", "spring.mail.username", "SMTP_PASSWORD", "spring.mail.password");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new LinkedHashMap<>();
		VARIABLES.forEach((variable, property) -> {
			String value = environment.getProperty(variable);
			if (StringUtils.hasText(value)) {
				properties.put(property, value.strip());
			}
		});
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
		}
	}
}
