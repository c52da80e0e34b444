package dev.taskflow.tasks.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Saved views of the task list. Every query is scoped to one user. */
@Repository
public class SavedViewRepository {

	/** A named filter; {@code query} is the list page's query string. */
	public record SavedView(long id, String name, String query, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	SavedViewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Oldest first, so the menu keeps the order they were made in. */
	public List<SavedView> list(UUID owner) {
		return jdbc.sql("select id, name, query, created_at from saved_views where user_id = :owner order by id")
			.param("owner", owner)
			.query((rs, row) -> new SavedView(rs.getLong("id"), rs.getString("name"), rs.getString("query"),
					SqlTime.instant(rs, "created_at")))
			.list();
	}

	public Optional<SavedView> find(UUID owner, long id) {
		return list(owner).stream().filter(view -> view.id() == id).findFirst();
	}

	/** @throws org.springframework.dao.DuplicateKeyException if the user already has a view of that name */
	public SavedView insert(UUID owner, String name, String query, Instant createdAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into saved_views (user_id, name, query, created_at) values (:owner, :name, :query, :createdAt)")
			.param("owner", owner)
			.param("name", name)
			.param("query", query)
			.param("createdAt", SqlTime.utc(createdAt))
			.update(keys, "id");
		return new SavedView(keys.getKey().longValue(), name, query, createdAt);
	}

	public boolean delete(UUID owner, long id) {
		return jdbc.sql("delete from saved_views where id = :id and user_id = :owner")
			.param("id", id)
			.param("owner", owner)
			.update() > 0;
	}
}
