-- Deleting a task moves it to the trash: deleted_at is set, the row (with its tags, reminders and
-- series links) stays so it can be restored, and a purge job removes it for good after the
-- retention window (taskflow.tasks.deleted-retention). Every read of live tasks filters on
-- deleted_at is null.
alter table tasks add column deleted_at timestamp with time zone;
create index tasks_deleted_idx on tasks (deleted_at);
