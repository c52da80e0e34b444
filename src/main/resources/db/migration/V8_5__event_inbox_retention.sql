-- The inbox retention job deletes entries by age.
create index event_inbox_processed_at_idx on event_inbox (processed_at);
