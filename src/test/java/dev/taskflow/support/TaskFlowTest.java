package dev.taskflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * A full application on an in-memory H2 database (PostgreSQL mode). Test classes with the same
 * configuration share one application (Spring caches it) and so one database, and isolate themselves
 * by signing up their own users; an application with another configuration gets a database of its
 * own, so its background workers (event dispatcher, reminder scheduler) never take another's work.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:taskflow-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.accounts.max-failed-sign-ins=3" })
public @interface TaskFlowTest {
}
