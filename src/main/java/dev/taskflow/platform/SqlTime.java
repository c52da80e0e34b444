package dev.taskflow.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of {@code timestamp with time zone} columns, the same way on H2 and
 * PostgreSQL: written as UTC offsets, read as {@link OffsetDateTime} (PostgreSQL's plain
 * {@code getObject} would give a {@code java.sql.Timestamp}). Null stays null.
 */
public final class SqlTime {

	private SqlTime() {
	}

	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
