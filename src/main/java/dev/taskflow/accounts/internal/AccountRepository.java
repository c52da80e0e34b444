package dev.taskflow.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Account account, Instant createdAt) {
		jdbc.sql("""
				insert into users (id, email, password_hash, time_zone, failed_sign_ins, created_at)
				values (:id, :email, :hash, :zone, 0, :createdAt)""")
			.param("id", account.id())
			.param("email", account.email())
			.param("hash", account.passwordHash())
			.param("zone", account.timeZone().getId())
			.param("createdAt", SqlTime.utc(createdAt))
			.update();
	}

	Optional<Account> findByEmail(String email) {
		return jdbc.sql("select * from users where email = :email").param("email", email).query(this::map).optional();
	}

	Optional<Account> findById(UUID id) {
		return jdbc.sql("select * from users where id = :id").param("id", id).query(this::map).optional();
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

	/**
	 * Counts a failed sign-in and locks the account once the limit is reached. One statement, so
	 * concurrent guesses cannot slip past the limit between a read and a write.
	 */
	void recordFailedSignIn(String email, int maxFailures, Instant lockUntil) {
		jdbc.sql("""
				update users set
				  locked_until = case when failed_sign_ins + 1 >= :max then :lockUntil else locked_until end,
				  failed_sign_ins = case when failed_sign_ins + 1 >= :max then 0 else failed_sign_ins + 1 end
				where email = :email""")
			.param("max", maxFailures)
			.param("lockUntil", SqlTime.utc(lockUntil))
			.param("email", email)
			.update();
	}

	void recordSuccessfulSignIn(UUID id) {
		jdbc.sql("update users set failed_sign_ins = 0, locked_until = null where id = :id and (failed_sign_ins > 0 or locked_until is not null)")
			.param("id", id)
			.update();
	}

	private Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				ZoneId.of(rs.getString("time_zone")), SqlTime.instant(rs, "locked_until"));
	}
}
