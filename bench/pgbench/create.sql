-- The transaction TaskFlow commits for POST /api/tasks (bench/wrk/create.lua): one tasks row with
-- the same columns and values, two task_tags rows, and the event's two deliveries in the embedded
-- queue (the audit trail's on task-events, the live views' on task-updates), each with a payload as
-- long as TaskFlow's for this task (about 780 characters). Run by bench/run with pgbench -D owner=….
BEGIN;
insert into tasks (user_id, title, description, status, priority, due_at, due_date, due_offset, overdue_at,
  due_sort, title_sort, search_text, recurrence, recurrence_from, series_id, series_index, series_anchor,
  previous_task_id, created_at, updated_at, completed_at, version)
values (:owner, 'Buy milk', null, 'pending', 3, '2026-12-01 00:00:00+00', '2026-12-01', null, '2026-12-02 00:00:00+00',
  '2026-12-01 00:00:00+00', 'buy milk', 'buy milk' || chr(10) || chr(10) || 'errand home', null, null, null, null, null,
  null, now(), now(), null, 1)
returning id \gset
insert into task_tags (task_id, tag) values (:id, 'errand');
insert into task_tags (task_id, tag) values (:id, 'home');
insert into embedded_deliveries (consumer, topic, partition_key, event_id, event_type, payload, status, attempts,
  next_attempt_at, created_at)
values ('audit', 'task-events', :id, gen_random_uuid(), 'task.created', repeat('x', :payload), 'pending', 0, now(), now()),
  ('live-push', 'task-updates', :id, gen_random_uuid(), 'task.created', repeat('x', :payload), 'pending', 0, now(), now());
COMMIT;
