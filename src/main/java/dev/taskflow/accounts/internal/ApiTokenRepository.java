package dev.taskflow.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.taskflow.platform.SqlTime.utc;

@Repository
class ApiTokenRepository {

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID userId, ApiToken token, String hash) {
		jdbc.sql("""
				insert into api_tokens (id, user_id, name, token_hash, token_hint, created_at)
				values (:id, :userId, :name, :hash, :hint, :createdAt)""")
			.param("id", token.id())
			.param("userId", userId)
			.param("name", token.name())
			.param("hash", hash)
			.param("hint", token.hint())
			.param("createdAt", utc(token.createdAt()))
			.update();
	}

	List<ApiToken> findByUser(UUID userId) {
		return jdbc.sql("select * from api_tokens where user_id = :userId order by created_at desc, id")
			.param("userId", userId)
			.query(this::map)
			.list();
	}

	Optional<ApiTokenService.TokenOwner> findOwnerByHash(String hash) {
		return jdbc.sql("select id, user_id from api_tokens where token_hash = :hash")
			.param("hash", hash)
			.query((rs, row) -> new ApiTokenService.TokenOwner(rs.getObject("id", UUID.class),
					rs.getObject("user_id", UUID.class)))
			.optional();
	}

	boolean delete(UUID userId, UUID tokenId) {
		return jdbc.sql("delete from api_tokens where id = :id and user_id = :userId")
			.param("id", tokenId)
			.param("userId", userId)
			.update() > 0;
	}

	/** Writes at most once a minute per token, so busy scripts do not turn every read into a write. */
	void touch(String hash, Instant now) {
		jdbc.sql("""
				update api_tokens set last_used_at = :now
				where token_hash = :hash and (last_used_at is null or last_used_at < :threshold)""")
			.param("now", utc(now))
			.param("threshold", utc(now.minus(ApiTokenService.TOUCH_INTERVAL)))
			.param("hash", hash)
			.update();
	}

	private ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_hint"),
				SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "last_used_at"));
	}
}
