-- The due date a recurring series counts from (its first instance's, in the due's own form:
-- "2026-01-31" or "2026-01-31T09:00:00+01:00"): every next instance is the rule's next occurrence
-- from there, so the 31st comes back after short months and a time of day after a DST gap, and COUNT
-- counts from there. Series started before this column keep null and restart the rule at every instance.
alter table tasks add column series_anchor varchar(40);
