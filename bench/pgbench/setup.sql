-- The raw baseline's own copy of the tables a create writes, in schema bench_raw: same columns,
-- indexes (including the trigram index) and foreign keys, and the same users, so pgbench pays what
-- TaskFlow's transaction pays without its rows ever reaching TaskFlow's outbox relay.
drop schema if exists bench_raw cascade;
create schema bench_raw;
create table bench_raw.users (like public.users including all);
create table bench_raw.tasks (like public.tasks including all);
create table bench_raw.task_tags (like public.task_tags including all);
create table bench_raw.embedded_deliveries (like public.embedded_deliveries including all);
alter table bench_raw.tasks add foreign key (user_id) references bench_raw.users (id) on delete cascade;
alter table bench_raw.task_tags add foreign key (task_id) references bench_raw.tasks (id) on delete cascade;
insert into bench_raw.users select * from public.users;
