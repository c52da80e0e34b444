package dev.taskflow.accounts;

import dev.taskflow.support.TaskFlowTest;

/** AccountDeletionContract on the embedded H2 database. */
@TaskFlowTest
class AccountDeletionTests extends AccountDeletionContract {
}
