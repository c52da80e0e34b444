-- PostgreSQL only: a trigram index makes the substring search (q) an index scan instead of a
-- sequential scan over every task.
create extension if not exists pg_trgm;
create index tasks_search_trgm_idx on tasks using gin (search_text gin_trgm_ops);
