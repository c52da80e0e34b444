-- A reminder added by snoozing a notification ("remind again later") belongs to that one occurrence:
-- it is not one of the reminders the person set, so a next instance of a recurring task does not copy
-- it, and it does not count against the limit of reminders per task.
alter table task_reminders add column snoozed boolean default false not null;
