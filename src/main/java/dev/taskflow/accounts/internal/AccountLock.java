package dev.taskflow.accounts.internal;

/**
 * How firmly a transaction holds an account's row until it ends, weakest first. Whoever writes rows for an
 * account takes one of these before any other lock, so the writes of one account are ordered by its row
 * and never deadlock over it (docs/architecture.md, "Writing for an account").
 *
 * <p>PostgreSQL has a row lock for each. H2 2.x knows only {@code for update}, so there every hold is
 * exclusive and an account's writers take turns; that is what a single-writer embedded store does anyway.
 */
enum AccountLock {

	/** The account cannot be deleted meanwhile: for adding rows that belong to it (history, notifications). */
	EXISTENCE("for key share"),

	/** Nor can its time zone change: for writing what is worked out in the zone (a task's day, its reminders). */
	TIME_ZONE("for share"),

	/** Changing the zone: waits for every {@link #TIME_ZONE} holder, and lets {@link #EXISTENCE} holders be. */
	ZONE_CHANGE("for no key update"),

	/**
	 * A write that counts or compares the account's other rows before adding one (a limit, a name unique
	 * but for case): one such write at a time, which no unique index could state.
	 */
	ONE_WRITER("for no key update"),

	/** Deleting the account: waits for every holder, and whoever comes later finds no account. */
	DELETION("for update");

	private final String postgresClause;

	AccountLock(String postgresClause) {
		this.postgresClause = postgresClause;
	}

	String clauseOn(String databaseProduct) {
		return "PostgreSQL".equals(databaseProduct) ? postgresClause : "for update";
	}
}
