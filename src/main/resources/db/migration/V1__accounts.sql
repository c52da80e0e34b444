-- Accounts and personal API tokens.
create table users (
    id               uuid primary key,
    email            varchar(320) not null,
    password_hash    varchar(100) not null,
    time_zone        varchar(64)  not null,
    failed_sign_ins  integer      not null default 0,
    locked_until     timestamp with time zone,
    created_at       timestamp with time zone not null
);
create unique index users_email_uq on users (email);

-- Tokens are stored as SHA-256 hashes: they carry 256 bits of randomness, so a slow hash adds
-- nothing but latency on every API call. The hint (first characters) helps users tell them apart.
create table api_tokens (
    id            uuid primary key,
    user_id       uuid         not null references users (id) on delete cascade,
    name          varchar(100) not null,
    token_hash    varchar(64)  not null,
    token_hint    varchar(16)  not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone
);
create unique index api_tokens_hash_uq on api_tokens (token_hash);
create index api_tokens_user_idx on api_tokens (user_id, created_at);
