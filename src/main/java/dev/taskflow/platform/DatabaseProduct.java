package dev.taskflow.platform;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which database TaskFlow runs on, for the few places that work around a planner or a store: H2's
 * list index hints and single event dispatcher, PostgreSQL's plans for searches.
 */
public final class DatabaseProduct {

	private DatabaseProduct() {
	}

	/**
	 * The product name the driver reports ({@code H2}, {@code PostgreSQL}), or null if it cannot be
	 * read; callers then give no database-specific help, which is only slower.
	 */
	public static String nameOf(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			return null;
		}
	}
}
