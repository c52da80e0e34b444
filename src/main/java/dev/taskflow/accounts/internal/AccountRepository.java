package dev.taskflow.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.taskflow.accounts.NotificationPreferences;
import dev.taskflow.platform.DatabaseProduct;
import dev.taskflow.platform.SqlTime;
import dev.taskflow.platform.UserText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	private final String databaseProduct;

	AccountRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.databaseProduct = DatabaseProduct.nameOf(dataSource);
	}

	void insert(Account account, Instant createdAt) {
		jdbc.sql("""
				insert into users (id, email, password_hash, time_zone, created_at)
				values (:id, :email, :hash, :zone, :createdAt)""")
			.param("id", account.id())
			.param("email", account.email())
			.param("hash", account.passwordHash())
			.param("zone", account.timeZone().getId())
			.param("createdAt", SqlTime.utc(createdAt))
			.update();
	}

	/** Empty for an address that could not have been stored (a NUL would be a database error on PostgreSQL). */
	Optional<Account> findByEmail(String email) {
		if (!UserText.isStorable(email, UserText.Lines.ONE)) {
			return Optional.empty();
		}
		return jdbc.sql("select * from users where email = :email").param("email", email).query(this::map).optional();
	}

	Optional<Account> findById(UUID id) {
		return jdbc.sql("select * from users where id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * The account as it is once its row is held with {@code lock} until the transaction ends (after waiting
	 * for whoever holds it in a conflicting way); empty if it no longer exists.
	 */
	Optional<Account> lock(UUID id, AccountLock lock) {
		return jdbc.sql("select * from users where id = :id " + lock.clauseOn(databaseProduct))
			.param("id", id)
			.query(this::map)
			.optional();
	}

	boolean emailExists(String email) {
		return jdbc.sql("select count(*) from users where email = :email")
			.param("email", email)
			.query(Integer.class)
			.single() > 0;
	}

	void updateTimeZone(UUID id, ZoneId zone) {
		jdbc.sql("update users set time_zone = :zone where id = :id").param("zone", zone.getId()).param("id", id).update();
	}

	void updatePasswordHash(UUID id, String passwordHash) {
		jdbc.sql("update users set password_hash = :hash where id = :id").param("hash", passwordHash).param("id", id).update();
	}

	void updateEmail(UUID id, String email) {
		jdbc.sql("update users set email = :email where id = :id").param("email", email).param("id", id).update();
	}

	Optional<NotificationPreferences> notificationPreferences(UUID id) {
		return jdbc.sql("select notify_in_app, notify_browser, notify_email from users where id = :id")
			.param("id", id)
			.query((rs, row) -> new NotificationPreferences(rs.getBoolean("notify_in_app"),
					rs.getBoolean("notify_browser"), rs.getBoolean("notify_email")))
			.optional();
	}

	void updateNotificationPreferences(UUID id, NotificationPreferences preferences) {
		jdbc.sql("""
				update users set notify_in_app = :inApp, notify_browser = :browser, notify_email = :email
				where id = :id""")
			.param("inApp", preferences.inApp())
			.param("browser", preferences.browser())
			.param("email", preferences.email())
			.param("id", id)
			.update();
	}

	/** Deletes the account; every row kept for it follows by foreign-key cascade. */
	boolean delete(UUID id) {
		return jdbc.sql("delete from users where id = :id").param("id", id).update() > 0;
	}

	private Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				ZoneId.of(rs.getString("time_zone")));
	}
}
