-- Whether a person has changed the task since it was created. Reopening a completed recurring task takes
-- back the next instance its completion brought, unless the person has changed that instance since; a
-- change TaskFlow makes itself (re-timing all-day reminders after a time-zone change) bumps the version
-- too, so the version alone cannot tell. Tasks changed before this column existed count as edited.
alter table tasks add column edited boolean default false not null;
update tasks set edited = true where version > 1;
