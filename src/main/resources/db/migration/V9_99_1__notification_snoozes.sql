-- When snoozing a notification last set its task to remind again: snoozing the same notification again
-- while that reminder still waits (a double click, a second tab) answers with it instead of adding another.
alter table notifications add column snoozed_until timestamp with time zone;
