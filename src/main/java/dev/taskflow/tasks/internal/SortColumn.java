package dev.taskflow.tasks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.taskflow.platform.SqlTime;
import dev.taskflow.tasks.TaskSort;

/**
 * One column of an ORDER BY, as used by keyset paging. Every expression is non-null, so "after the
 * last row" is a plain lexicographic comparison on both engines.
 */
record SortColumn(String expression, boolean descending, Type type) {

	enum Type {

		TIMESTAMP, NUMBER, TEXT;

		Object read(ResultSet rs, String column) throws SQLException {
			return switch (this) {
				case TIMESTAMP -> rs.getObject(column, OffsetDateTime.class).toInstant();
				case NUMBER -> rs.getLong(column);
				case TEXT -> rs.getString(column);
			};
		}

		/** Cursor text → SQL parameter. */
		Object parse(String text) {
			return switch (this) {
				case TIMESTAMP -> SqlTime.utc(Instant.parse(text));
				case NUMBER -> Long.parseLong(text);
				case TEXT -> text;
			};
		}
	}

	private static final String NO_DUE_FIRST = "case when due_at is null then 1 else 0 end";

	/** The columns of a sort, ending with the id so that every row has a unique position. */
	static List<SortColumn> of(TaskSort sort) {
		List<SortColumn> columns = new ArrayList<>();
		for (TaskSort.Order order : sort.orders()) {
			boolean desc = order.descending();
			switch (order.key()) {
				case DUE -> {
					if (desc) {
						// undated last even when the dates run backwards
						columns.add(new SortColumn(NO_DUE_FIRST, false, Type.NUMBER));
					}
					columns.add(new SortColumn("due_sort", desc, Type.TIMESTAMP));
				}
				case PRIORITY -> columns.add(new SortColumn("priority", desc, Type.NUMBER));
				case CREATED -> columns.add(new SortColumn("created_at", desc, Type.TIMESTAMP));
				case UPDATED -> columns.add(new SortColumn("updated_at", desc, Type.TIMESTAMP));
				case TITLE -> columns.add(new SortColumn("title_sort", desc, Type.TEXT));
			}
		}
		boolean lastDescending = sort.orders().get(sort.orders().size() - 1).descending();
		columns.add(new SortColumn("id", lastDescending, Type.NUMBER));
		return columns;
	}
}
