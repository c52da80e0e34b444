package dev.taskflow.tasks;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task API's behaviour, run against every database engine we support (see the subclasses). Each
 * test signs up its own user, so tests never see each other's tasks.
 */
abstract class TaskApiContract {

	private static final String MILK = "🥛";

	private static final String BREAD = "🍞";

	@Autowired
	MockMvc mvc;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc, "Europe/Berlin");
	}

	@Test
	void createdTaskIsReturnedWithLocationEtagAndNormalisedFields() throws Exception {
		MvcResult created = create(ann, """
				{"title": "  Buy milk  ", "description": "2 litres", "priority": "high",
				 "tags": ["Home", "#errands", "home"], "due_at": "2026-12-01"}""")
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.title").value("Buy milk"))
			.andExpect(jsonPath("$.status").value("pending"))
			.andExpect(jsonPath("$.priority").value("high"))
			.andExpect(jsonPath("$.tags").value(org.hamcrest.Matchers.contains("errands", "home")))
			.andExpect(jsonPath("$.due_at").value("2026-12-01"))
			.andExpect(jsonPath("$.all_day").value(true))
			.andExpect(jsonPath("$.completed_at").value(nullValue()))
			.andExpect(jsonPath("$.version").value(1))
			.andReturn();
		String location = created.getResponse().getHeader("Location");
		mvc.perform(ann.as(get(location))).andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Buy milk"));
	}

	@Test
	void dateTimeDueIsEchoedInTheFormGiven() throws Exception {
		create(ann, "{\"title\": \"Call mom\", \"due_at\": \"2026-12-01T18:00:00+01:00\"}")
			.andExpect(jsonPath("$.due_at").value("2026-12-01T18:00:00+01:00"))
			.andExpect(jsonPath("$.all_day").value(false));
		create(ann, "{\"title\": \"Local time\", \"due_at\": \"2026-07-01T09:30\"}")
			.andExpect(jsonPath("$.due_at").value("2026-07-01T09:30:00+02:00"));
	}

	@Test
	void putReplacesEverythingAndPatchChangesOnlyWhatIsGiven() throws Exception {
		long id = id(create(ann, "{\"title\": \"Draft\", \"priority\": \"low\", \"tags\": [\"a\"], \"due_at\": \"2026-12-01\"}"));

		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType("application/merge-patch+json")
			.content("{\"priority\": \"medium\", \"due_at\": null}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Draft"))
			.andExpect(jsonPath("$.priority").value("medium"))
			.andExpect(jsonPath("$.tags[0]").value("a"))
			.andExpect(jsonPath("$.due_at").value(nullValue()))
			.andExpect(jsonPath("$.version").value(2));

		mvc.perform(ann.as(put("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Final\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Final"))
			.andExpect(jsonPath("$.priority").value("none"))
			.andExpect(jsonPath("$.tags", hasSize(0)))
			.andExpect(header().string("ETag", "\"3\""));
	}

	@Test
	void aStaleIfMatchOrVersionGets409WithTheCurrentState() throws Exception {
		long id = id(create(ann, "{\"title\": \"Shared\"}"));
		patchTask(id, "\"1\"", "{\"title\": \"First edit\"}").andExpect(status().isOk());

		patchTask(id, "\"1\"", "{\"title\": \"Lost update\"}")
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/stale-version"))
			.andExpect(jsonPath("$.current.title").value("First edit"))
			.andExpect(jsonPath("$.current.version").value(2));
		mvc.perform(ann.as(put("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Also lost\", \"version\": 1}")).andExpect(status().isConflict());
		mvc.perform(ann.as(delete("/api/tasks/" + id)).header("If-Match", "\"1\"")).andExpect(status().isConflict());

		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(jsonPath("$.title").value("First edit"));
	}

	@Test
	void completeAndReopenAreIdempotentAndTrackCompletionTime() throws Exception {
		long id = id(create(ann, "{\"title\": \"Water plants\"}"));
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("completed"))
			.andExpect(jsonPath("$.completed_at").isNotEmpty())
			.andExpect(jsonPath("$.version").value(2));
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(jsonPath("$.version").value(2));
		mvc.perform(ann.as(post("/api/tasks/" + id + "/reopen")))
			.andExpect(jsonPath("$.status").value("pending"))
			.andExpect(jsonPath("$.completed_at").value(nullValue()));
	}

	@Test
	void deletedTaskIsGone() throws Exception {
		long id = id(create(ann, "{\"title\": \"Temporary\"}"));
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isNotFound());
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNotFound());
	}

	@Test
	void everyFieldProblemIsReportedAtOnce() throws Exception {
		create(ann, """
				{"title": "", "priority": "urgent", "status": "done", "tags": ["ok", 7, ""],
				 "due_at": "tomorrow", "colour": "red", "description": 5}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("is required"))
			.andExpect(jsonPath("$.errors[?(@.field == 'priority')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'status')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'tags[1]')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'due_at')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'colour')].message").value("unknown field"))
			.andExpect(jsonPath("$.errors[?(@.field == 'description')]").exists());
		create(ann, "{\"title\": \"" + "x".repeat(201) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		String tooManyTags = "[" + String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"t" + i + "\"").toList()) + "]";
		create(ann, "{\"title\": \"Tags\", \"tags\": " + tooManyTags + "}").andExpect(status().isBadRequest());
		mvc.perform(ann.as(get("/api/tasks"))).andExpect(jsonPath("$.items", hasSize(0)));
	}

	/** An emoji is one character, though Java and H2 count two UTF-16 units. */
	@Test
	void lengthsCountCharactersSoATitleOf200EmojiIsWithinTheLimit() throws Exception {
		String title = MILK.repeat(TaskDraft.MAX_TITLE);
		String description = MILK.repeat(TaskDraft.MAX_DESCRIPTION);
		long id = id(create(ann, "{\"title\": \"" + title + "\", \"description\": \"" + description + "\"}"));
		mvc.perform(ann.as(get("/api/tasks/" + id)))
			.andExpect(jsonPath("$.title").value(title))
			.andExpect(jsonPath("$.description").value(description));
		assertThat(titles(get("/api/tasks").param("q", MILK.repeat(3)))).containsExactly(title);

		create(ann, "{\"title\": \"" + title + MILK + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 200 characters long"));
		patchTask(id, null, "{\"title\": \"" + BREAD.repeat(TaskDraft.MAX_TITLE) + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value(BREAD.repeat(TaskDraft.MAX_TITLE)));
		patchTask(id, null, "{\"title\": \"" + title + MILK + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 200 characters long"));
	}

	/** 𠮷 (in 𠮷野家) is a letter that Java and H2 count as two UTF-16 units. */
	@Test
	void aTagOf40LettersOutsideTheBasicPlaneIsStoredAndFound() throws Exception {
		String tag = "𠮷".repeat(Tags.MAX_LENGTH);
		id(create(ann, "{\"title\": \"Lunch\", \"tags\": [\"" + tag + "\"]}"));
		assertThat(titles(get("/api/tasks").param("tag", tag))).containsExactly("Lunch");

		create(ann, "{\"title\": \"Lunch\", \"tags\": [\"" + tag + "𠮷\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tags[0]"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 40 characters long"));
	}

	/** Lower-cased for sorting and search, İ becomes i and a combining dot: this title doubles there. */
	@Test
	void aTitleThatDoublesWhenLowerCasedIsStoredAndSortsByTitle() throws Exception {
		String title = "\u0130".repeat(TaskDraft.MAX_TITLE);
		create(ann, "{\"title\": \"Jam\"}");
		create(ann, "{\"title\": \"" + title + "\"}").andExpect(status().isCreated());
		create(ann, "{\"title\": \"Hat\"}");

		assertThat(titles("sort=title")).containsExactly("Hat", title, "Jam");
		assertThat(titles("sort=-title")).containsExactly("Jam", title, "Hat");
		assertThat(titles(get("/api/tasks").param("q", "\u0130\u0130"))).containsExactly(title);
	}

	@Test
	void aRepeatRuleThatEndsBeforeTheDueDateIsRefusedButAnExistingOneStaysMovable() throws Exception {
		create(ann, """
				{"title": "Water", "due_at": "2026-12-08", "recurrence": "FREQ=DAILY;INTERVAL=1;UNTIL=20260101"}""")
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[0].field").value("recurrence"))
			.andExpect(jsonPath("$.errors[0].message").value("ends on 2026-01-01 (UNTIL), before the task is due on 2026-12-08"));
		long id = id(create(ann, """
				{"title": "Water", "due_at": "2026-12-08", "recurrence": "FREQ=DAILY;UNTIL=20261210"}"""));
		patchTask(id, null, "{\"recurrence\": \"FREQ=DAILY;UNTIL=20261201\"}")
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[0].field").value("recurrence"));
		// the last instance of a series may still be moved past the series' end
		patchTask(id, null, "{\"due_at\": \"2026-12-20\"}").andExpect(status().isOk());
	}

	@Test
	void patchCannotClearTheTitle() throws Exception {
		long id = id(create(ann, "{\"title\": \"Keep me\"}"));
		patchTask(id, null, "{\"title\": null}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
	}

	@Test
	void listFiltersByStatusPriorityTagsAndDueDates() throws Exception {
		create(ann, "{\"title\": \"Report\", \"priority\": \"high\", \"tags\": [\"work\", \"urgent\"], \"due_at\": \"2026-12-01\"}");
		create(ann, "{\"title\": \"Gym\", \"priority\": \"low\", \"tags\": [\"personal\"], \"due_at\": \"2026-12-03T07:00:00Z\"}");
		create(ann, "{\"title\": \"Slides\", \"priority\": \"medium\", \"tags\": [\"work\"]}");
		long done = id(create(ann, "{\"title\": \"Invoice\", \"priority\": \"high\", \"tags\": [\"work\"], \"due_at\": \"2020-01-01\"}"));
		create(ann, "{\"title\": \"Old bill\", \"due_at\": \"2020-02-01\"}");
		mvc.perform(ann.as(post("/api/tasks/" + done + "/complete"))).andExpect(status().isOk());

		assertThat(titles("status=completed")).containsExactly("Invoice");
		assertThat(titles("status=all&sort=title")).containsExactly("Gym", "Invoice", "Old bill", "Report", "Slides");
		assertThat(titles("priority=high,medium&sort=title")).containsExactly("Invoice", "Report", "Slides");
		assertThat(titles("priority=high&priority=low&status=pending&sort=title")).containsExactly("Gym", "Report");
		assertThat(titles("tag=work&sort=title")).containsExactly("Invoice", "Report", "Slides");
		assertThat(titles("tag=work,urgent&tag_mode=all")).containsExactly("Report");
		assertThat(titles("tag=personal,urgent&sort=title")).containsExactly("Gym", "Report");
		assertThat(titles("due_from=2026-12-01&due_to=2026-12-02&sort=title")).containsExactly("Report");
		assertThat(titles("due_from=2026-12-02&sort=title")).containsExactly("Gym");
		assertThat(titles("overdue=true")).containsExactly("Old bill");
		assertThat(titles("no_due_date=true")).containsExactly("Slides");
	}

	@Test
	void searchMatchesTitleDescriptionAndTagsCaseInsensitively() throws Exception {
		create(ann, "{\"title\": \"Buy MILK\"}");
		create(ann, "{\"title\": \"Shopping\", \"description\": \"milk, eggs\"}");
		create(ann, "{\"title\": \"Farm\", \"tags\": [\"milkman\"]}");
		create(ann, "{\"title\": \"100% done_ish\"}");
		create(ann, "{\"title\": \"Unrelated\"}");

		assertThat(titles("q=Milk&sort=title")).containsExactly("Buy MILK", "Farm", "Shopping");
		// LIKE wildcards in the search text are matched literally
		assertThat(titles(get("/api/tasks").param("q", "%"))).containsExactly("100% done_ish");
		assertThat(titles(get("/api/tasks").param("q", "_"))).containsExactly("100% done_ish");
	}

	@Test
	void sortsBySeveralKeysWithUndatedTasksLast() throws Exception {
		create(ann, "{\"title\": \"b-undated\", \"priority\": \"high\"}");
		create(ann, "{\"title\": \"c-late\", \"due_at\": \"2026-12-24\", \"priority\": \"low\"}");
		create(ann, "{\"title\": \"a-early\", \"due_at\": \"2026-12-01\", \"priority\": \"low\"}");
		create(ann, "{\"title\": \"d-early-high\", \"due_at\": \"2026-12-01\", \"priority\": \"high\"}");

		assertThat(titles("sort=due,-priority")).containsExactly("d-early-high", "a-early", "c-late", "b-undated");
		assertThat(titles("sort=-due,title")).containsExactly("c-late", "a-early", "d-early-high", "b-undated");
		assertThat(titles("sort=-priority,title")).containsExactly("b-undated", "d-early-high", "a-early", "c-late");
		assertThat(titles("sort=title")).containsExactly("a-early", "b-undated", "c-late", "d-early-high");
		assertThat(titles("sort=-created")).containsExactly("d-early-high", "a-early", "c-late", "b-undated");
	}

	@Test
	void keysetPagesNeitherRepeatNorSkipWhileTasksAreAdded() throws Exception {
		for (int i = 0; i < 7; i++) {
			create(ann, "{\"title\": \"Task " + i + "\", \"due_at\": \"2026-12-0" + (1 + i % 3) + "\"}");
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = json(mvc.perform(ann.as(get("/api/tasks?sort=due,title&limit=3" + (cursor == null ? "" : "&cursor=" + cursor))))
				.andExpect(status().isOk())
				.andReturn());
			page.get("items").forEach(item -> seen.add(item.get("title").asString()));
			cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
			if (pages++ == 0) {
				// a concurrent insert that sorts before the cursor must not shift later pages
				create(ann, "{\"title\": \"Inserted\", \"due_at\": \"2026-11-01\"}");
			}
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(7).doesNotHaveDuplicates().doesNotContain("Inserted");
		Set<String> all = new HashSet<>(seen);
		assertThat(all).hasSize(7);
	}

	/**
	 * The next-page link repeats the filters, and a server reads a literal {@code +} in a query as a space: the
	 * link must escape it, or following it searches "c  " and reads the offset {@code +01:00} as " 01:00".
	 */
	@Test
	void theNextPageLinkRepeatsFiltersWithReservedCharactersIntact() throws Exception {
		create(ann, "{\"title\": \"Learn c++\", \"due_at\": \"2026-12-02\"}");
		create(ann, "{\"title\": \"Teach c++\", \"due_at\": \"2026-12-03\"}");
		create(ann, "{\"title\": \"Pack c  bags\", \"due_at\": \"2026-12-04\"}");
		create(ann, "{\"title\": \"Old c++ notes\", \"due_at\": \"2026-11-01\"}");

		String link = mvc.perform(ann.as(get("/api/tasks").param("q", "c++")
			.param("due_from", "2026-12-01T09:00:00+01:00").param("sort", "due").param("limit", "1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].title").value("Learn c++"))
			.andReturn()
			.getResponse()
			.getHeader("Link");
		assertThat(link).startsWith("</api/tasks?").endsWith(">; rel=\"next\"");

		assertThat(titles(asAServerReadsIt(link.substring(1, link.indexOf('>'))))).containsExactly("Teach c++");
	}

	@Test
	void aParameterThatTakesOneValueIsRefusedWhenRepeated() throws Exception {
		create(ann, "{\"title\": \"One\"}");
		mvc.perform(ann.as(get("/api/tasks?limit=1&limit=2&q=a&q=b")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'limit')].message").value("is given 2 times; it takes one value"))
			.andExpect(jsonPath("$.errors[?(@.field == 'q')]").exists());
		assertThat(titles("status=pending&status=completed&tag_mode=any")).containsExactly("One");
	}

	/**
	 * If-Match compares strongly (RFC 9110 §13.1.1), so a weak tag matches no version: 412. A header that is no
	 * ETag of this API at all is a 400 that says what one looks like, whatever is wrong with it.
	 */
	@Test
	void aWeakIfMatchNeverMatchesAndAMalformedOneIsExplained() throws Exception {
		long id = id(create(ann, "{\"title\": \"Shared\"}"));

		patchTask(id, "W/\"1\"", "{\"title\": \"Weakly matched\"}")
			.andExpect(status().isPreconditionFailed())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/precondition-failed"))
			.andExpect(jsonPath("$.detail").value(containsString("\"1\"")));
		mvc.perform(ann.as(delete("/api/tasks/" + (id + 1000))).header("If-Match", "W/\"1\""))
			.andExpect(status().isNotFound());

		for (String malformed : List.of("1", "\"-1\"", "\"abc\"", "\"1\", \"2\"", "W/1")) {
			patchTask(id, malformed, "{\"title\": \"Malformed\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("If-Match"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("such as \"3\"")));
		}
		mvc.perform(ann.as(get("/api/tasks/" + id)))
			.andExpect(jsonPath("$.title").value("Shared"))
			.andExpect(jsonPath("$.version").value(1));
		patchTask(id, "\"1\"", "{\"title\": \"Strongly matched\"}").andExpect(status().isOk());
	}

	/**
	 * View names are compared case-folded in Java, not by the database's lower(), which H2 and PostgreSQL
	 * apply differently beyond ASCII: the same names clash on both.
	 */
	@Test
	void savedViewNamesThatDifferOnlyInCaseClashOnEveryDatabase() throws Exception {
		for (String[] names : new String[][] { { "ΛΟΓΟΣ", "λογος" }, { "İstanbul", "i\u0307stanbul" },
				{ "Caf\u00e9", "CAFE\u0301" } }) {
			saveView(names[0]).andExpect(status().isCreated());
			saveView(names[1]).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value("You already have a view named “" + names[1] + "”."));
		}
		saveView("Istanbul").andExpect(status().isCreated());
	}

	@Test
	void badListParametersAreExplained() throws Exception {
		mvc.perform(ann.as(get("/api/tasks?priorty=high&limit=500&sort=colour&status=done&overdue=maybe&due_from=soon")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'priorty')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'limit')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'sort')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'status')].message")
				.value("'done' is not one of pending, completed, all"))
			.andExpect(jsonPath("$.errors[?(@.field == 'overdue')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'due_from')]").exists());
		// the views of the list page are a page's; the API has the filters they stand for
		mvc.perform(ann.as(get("/api/tasks?view=today")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("view"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith(
					"unknown parameter; known are cursor, due_from, due_to, limit, no_due_date, overdue, priority")));
		mvc.perform(ann.as(get("/api/tasks?cursor=not-a-cursor")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
	}

	@Test
	void aCursorCannotBeReplayedUnderAnotherSort() throws Exception {
		create(ann, "{\"title\": \"One\"}");
		create(ann, "{\"title\": \"Two\"}");
		String cursor = json(mvc.perform(ann.as(get("/api/tasks?sort=title&limit=1"))).andReturn()).get("next_cursor").asString();
		mvc.perform(ann.as(get("/api/tasks?sort=due&limit=1&cursor=" + cursor))).andExpect(status().isBadRequest());
		mvc.perform(ann.as(get("/api/tasks?sort=title&limit=1&cursor=" + cursor)))
			.andExpect(jsonPath("$.items[0].title").value("Two"));
	}

	@Test
	void anotherUsersTasksAreInvisibleAndUntouchableOnEveryRoute() throws Exception {
		TestUser bob = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Ann's secret\", \"tags\": [\"private\"]}"));
		String task = "/api/tasks/" + id;

		mvc.perform(bob.as(get(task))).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Task " + id + " does not exist."));
		mvc.perform(bob.as(put(task)).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Bob's now\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(bob.as(patch(task)).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Bob's now\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(bob.as(post(task + "/complete"))).andExpect(status().isNotFound());
		mvc.perform(bob.as(post(task + "/reopen"))).andExpect(status().isNotFound());
		mvc.perform(bob.as(delete(task))).andExpect(status().isNotFound());
		mvc.perform(bob.as(get("/api/tasks?q=secret"))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(bob.as(get("/api/tasks?tag=private"))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(bob.as(get("/api/tasks"))).andExpect(jsonPath("$.items", hasSize(0)));

		mvc.perform(ann.as(get(task)))
			.andExpect(jsonPath("$.title").value("Ann's secret"))
			.andExpect(jsonPath("$.status").value("pending"))
			.andExpect(jsonPath("$.version").value(1));
	}

	private ResultActions create(TestUser user, String body) throws Exception {
		return mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions patchTask(long id, String ifMatch, String body) throws Exception {
		var request = ann.as(patch("/api/tasks/" + id)).contentType("application/merge-patch+json").content(body);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return mvc.perform(request);
	}

	private ResultActions saveView(String name) throws Exception {
		return mvc.perform(ann.as(post("/api/views")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"filters\": {\"q\": \"x\"}}"));
	}

	/** The request a link makes, its query decoded as a servlet container decodes one: {@code +} is a space. */
	private static MockHttpServletRequestBuilder asAServerReadsIt(String link) {
		URI uri = URI.create(link);
		MockHttpServletRequestBuilder request = get(uri.getRawPath());
		for (String pair : uri.getRawQuery().split("&")) {
			String[] nameAndValue = pair.split("=", 2);
			request.param(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
					URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
		}
		return request;
	}

	private static long id(ResultActions created) throws Exception {
		return json(created.andExpect(status().isCreated()).andReturn()).get("id").asLong();
	}

	private List<String> titles(String query) throws Exception {
		return titles(get("/api/tasks?" + query));
	}

	private List<String> titles(MockHttpServletRequestBuilder request) throws Exception {
		JsonNode page = json(mvc.perform(ann.as(request)).andExpect(status().isOk()).andReturn());
		List<String> titles = new ArrayList<>();
		page.get("items").forEach(item -> titles.add(item.get("title").asString()));
		return titles;
	}
}
