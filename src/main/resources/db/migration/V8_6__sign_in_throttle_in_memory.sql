-- Failed sign-ins are throttled in memory with back-off (SignInThrottle), no longer by locking the account.
alter table users drop column failed_sign_ins;
alter table users drop column locked_until;
