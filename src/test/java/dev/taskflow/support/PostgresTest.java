package dev.taskflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * The same full application on a real PostgreSQL server. Runs only with {@code -Ppostgres} (which
 * sets {@code taskflow.test.postgres}); {@code scripts/start-test-postgres.sh} provides the server
 * and the {@code TASKFLOW_TEST_DATABASE_URL} it listens on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = "taskflow.test.postgres", matches = "true")
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=${TASKFLOW_TEST_DATABASE_URL:jdbc:postgresql://localhost:5432/taskflow_test}",
		"spring.datasource.username=${TASKFLOW_TEST_DATABASE_USER:taskflow}",
		"spring.datasource.password=${TASKFLOW_TEST_DATABASE_PASSWORD:taskflow}",
		"taskflow.accounts.max-failed-sign-ins=3" })
public @interface PostgresTest {
}
