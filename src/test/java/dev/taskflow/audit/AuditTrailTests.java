package dev.taskflow.audit;

import dev.taskflow.support.TaskFlowTest;

/** On the embedded H2 database (always runs). */
@TaskFlowTest
class AuditTrailTests extends AuditTrailContract {
}
