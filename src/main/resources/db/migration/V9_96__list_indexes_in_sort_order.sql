-- Indexes in the order the common first pages are sorted, so a page reads its 20 rows from an index
-- instead of sorting all of a person's tasks: newest first (the default), recently completed first
-- (the Completed view), each with or without one status. H2 cannot scan an index backwards, so the
-- descending sorts get descending indexes (PostgreSQL scans these either way). TaskListQuery puts the
-- columns a page fixes by equality (user, status) first in its ORDER BY, which is how H2 recognises
-- that an index already returns the rows in order.
drop index tasks_user_created_idx;
drop index tasks_user_updated_idx;
create index tasks_user_created_idx on tasks (user_id, created_at desc, id desc);
create index tasks_user_updated_idx on tasks (user_id, updated_at desc, id desc);
create index tasks_user_status_created_idx on tasks (user_id, status, created_at desc, id desc);
create index tasks_user_status_updated_idx on tasks (user_id, status, updated_at desc, id desc);
