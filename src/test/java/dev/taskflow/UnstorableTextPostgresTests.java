package dev.taskflow;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * Refused text on a real PostgreSQL server ({@code -Ppostgres}), which answers a NUL with an error of its
 * own. {@code @PostgresTest}'s settings with a real port, which the MCP endpoint needs.
 */
@EnabledIfSystemProperty(named = "taskflow.test.postgres", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=${TASKFLOW_TEST_DATABASE_URL:jdbc:postgresql://localhost:5432/taskflow_test}",
		"spring.datasource.username=${TASKFLOW_TEST_DATABASE_USER:taskflow}",
		"spring.datasource.password=${TASKFLOW_TEST_DATABASE_PASSWORD:taskflow}" })
class UnstorableTextPostgresTests extends UnstorableTextContract {
}
