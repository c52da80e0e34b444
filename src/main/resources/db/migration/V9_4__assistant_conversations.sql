-- Assistant conversations (embedded mode's conversation store): one row per conversation, its
-- messages and pending action kept as one JSON document, the same shape the Dapr state store holds.
create table assistant_conversations (
    id          uuid          primary key,
    owner_id    uuid          not null,
    title       varchar(200)  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    document    text          not null
);
create index assistant_conversations_owner_idx on assistant_conversations (owner_id, updated_at);
