-- Every row kept for a person goes with their account's row: a foreign key to users with ON DELETE
-- CASCADE on each per-user table that had none (tasks, api_tokens and password_resets have one). Before,
-- deleting an account erased these tables in listeners and then deleted the account, and a row written
-- in between (the audit entry of a task imported at the same moment, a chat started meanwhile) stayed
-- behind for good. The key makes "nothing of a deleted account remains" a fact of the schema; the order
-- of a deletion and a concurrent write is the account's row lock (AccountLock), which H2 needs because
-- its foreign-key check does not wait for a deletion in progress. Rows already left behind are removed
-- first, or the keys could not be added.
delete from audit_log where user_id not in (select id from users);
delete from notifications where user_id not in (select id from users);
delete from saved_views where user_id not in (select id from users);
delete from assistant_conversations where owner_id not in (select id from users);

alter table audit_log add constraint audit_log_user_fk
    foreign key (user_id) references users (id) on delete cascade;
alter table notifications add constraint notifications_user_fk
    foreign key (user_id) references users (id) on delete cascade;
alter table saved_views add constraint saved_views_user_fk
    foreign key (user_id) references users (id) on delete cascade;
alter table assistant_conversations add constraint assistant_conversations_owner_fk
    foreign key (owner_id) references users (id) on delete cascade;
