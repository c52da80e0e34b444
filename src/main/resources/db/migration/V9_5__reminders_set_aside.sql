-- A reminder that cannot be fired is set aside (failed_at, with why) instead of being retried by every
-- sweep, where it would stand in front of everyone else's reminders. Editing the task writes its
-- reminders anew, which gives a set-aside reminder another chance.
alter table task_reminders add column failed_at timestamp with time zone;
alter table task_reminders add column failure varchar(500);
