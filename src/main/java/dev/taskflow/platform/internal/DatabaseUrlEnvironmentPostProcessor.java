package dev.taskflow.platform.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Lets operators configure the database with one {@code DATABASE_URL}, either as a JDBC URL or in
 * the {@code postgresql://user:pass@host/db?sslmode=require} form hosted providers (Neon, Heroku,
 * Render …) hand out. Without it, the embedded H2 file database from application.yml is used.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "taskflowDatabaseUrl";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("DATABASE_URL");
		if (!StringUtils.hasText(url)) {
			return;
		}
		Map<String, Object> properties = translate(url.trim());
		putIfSet(properties, "spring.datasource.username", environment.getProperty("DATABASE_USERNAME"));
		putIfSet(properties, "spring.datasource.password", environment.getProperty("DATABASE_PASSWORD"));
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	static Map<String, Object> translate(String url) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (url.startsWith("jdbc:")) {
			properties.put("spring.datasource.url", url);
			return properties;
		}
		if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
			throw new IllegalStateException("DATABASE_URL must be a JDBC URL (jdbc:postgresql://…) or a "
					+ "postgresql://user:password@host:port/database URL, but it starts with '"
					+ url.substring(0, Math.min(url.length(), 12)) + "…'");
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("DATABASE_URL is not a valid URL: " + ex.getMessage(), ex);
		}
		if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
			throw new IllegalStateException(
					"DATABASE_URL must name a host and a database, e.g. postgresql://user:pass@host:5432/taskflow");
		}
		StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
		if (uri.getPort() > 0) {
			jdbc.append(':').append(uri.getPort());
		}
		jdbc.append(uri.getRawPath());
		if (uri.getRawQuery() != null) {
			// libpq spells it channel_binding, pgjdbc channelBinding; the rest (sslmode …) agree
			jdbc.append('?').append(uri.getRawQuery().replace("channel_binding=", "channelBinding="));
		}
		properties.put("spring.datasource.url", jdbc.toString());
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			properties.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
			if (colon >= 0) {
				properties.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
			}
		}
		return properties;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static void putIfSet(Map<String, Object> properties, String key, String value) {
		if (StringUtils.hasText(value)) {
			properties.put(key, value);
		}
	}
}
