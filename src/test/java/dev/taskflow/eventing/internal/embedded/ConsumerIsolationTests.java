package dev.taskflow.eventing.internal.embedded;

import dev.taskflow.support.TaskFlowTest;
import org.springframework.test.context.TestPropertySource;

/** On H2, where one dispatcher serves every consumer unless told otherwise. */
@TaskFlowTest
@TestPropertySource(properties = "taskflow.eventing.dispatcher-per-consumer=true")
class ConsumerIsolationTests extends ConsumerIsolationContract {
}
