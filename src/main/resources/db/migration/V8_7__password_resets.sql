-- Password reset links: stored as SHA-256 hashes (the link carries 256 random bits), single use, short-lived.
create table password_resets (
    token_hash  varchar(64) primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    expires_at  timestamp with time zone not null
);
create index password_resets_user_idx on password_resets (user_id);
