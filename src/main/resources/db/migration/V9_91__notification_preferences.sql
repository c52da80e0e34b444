-- What each person wants to be notified through (the account page): the in-app inbox and toasts,
-- browser pop-ups, e-mail. Everything on by default, as before these existed.
alter table users add column notify_in_app boolean not null default true;
alter table users add column notify_browser boolean not null default true;
alter table users add column notify_email boolean not null default true;
