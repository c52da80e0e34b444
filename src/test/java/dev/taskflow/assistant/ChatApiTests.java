package dev.taskflow.assistant;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.assistant.internal.AssistantTools;
import dev.taskflow.assistant.internal.ChatService;
import dev.taskflow.assistant.internal.Conversation;
import dev.taskflow.assistant.internal.ConversationStore;
import dev.taskflow.assistant.internal.PendingAction;
import dev.taskflow.assistant.internal.ToolCall;
import dev.taskflow.assistant.internal.ToolTurn;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskPhraseParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chat API over the offline engine, on a real database, through real security. */
@TaskFlowTest
class ChatApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	ConversationStore conversations;

	@Autowired
	AssistantTools tools;

	@Autowired
	Accounts accounts;

	@Autowired
	TaskManagement tasks;

	@Test
	void withoutAProviderOnlyTheOfflineEngineExists(@Autowired org.springframework.context.ApplicationContext context) {
		assertThat(context.getBeansOfType(dev.taskflow.assistant.internal.ChatEngine.class).values())
			.singleElement()
			.isInstanceOf(dev.taskflow.assistant.internal.OfflineEngine.class);
	}

	@Test
	void askedForEventsTheOfflineReplyStreamsAsOneTokenThenTheReplyWithItsActions() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		var started = mvc.perform(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.content("{\"message\":\"add Streamed errand tomorrow\"}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andReturn();
		String events = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM))
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> names = events.lines().filter(line -> line.startsWith("event:")).toList();
		assertThat(names).containsExactly("event:token", "event:reply");
		List<JsonNode> data = events.lines().filter(line -> line.startsWith("data:"))
			.map(line -> JSON.readTree(line.substring(5)))
			.toList();
		assertThat(data.get(0).get("text").asString()).startsWith("Added #");
		assertThat(data.get(1).get("actions").get(0).get("tool").asString()).isEqualTo("add_task");
		assertThat(data.get(1).get("reply").asString()).isEqualTo(data.get(0).get("text").asString());
		assertThat(data.get(1).get("conversation_id").asString()).isNotBlank();

		mvc.perform(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.content("{\"message\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.ALL)
			.content("{\"message\":\"hello\"}"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
	}

	@Test
	void addingATaskByChatCreatesItWithTheParsedFields() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		JsonNode reply = say(ann, null, "add Buy milk on Dec 24 #errands p1");
		JsonNode action = reply.get("actions").get(0);
		assertThat(action.get("tool").asString()).isEqualTo("add_task");
		assertThat(action.get("arguments").get("title").asString()).isEqualTo("Buy milk");
		long id = action.get("task_ids").get(0).asLong();
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
		assertThat(task.get("title").asString()).isEqualTo("Buy milk");
		assertThat(task.get("due_at").asString()).endsWith("-12-24");
		assertThat(task.get("priority").asString()).isEqualTo("high");
		assertThat(task.get("tags").get(0).asString()).isEqualTo("errands");
		assertThat(reply.get("reply").asString()).contains("Added #" + id);
	}

	@Test
	void completingWaitsForYesAndThenHappensOnce() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = addTask(ann, "Water the plants");
		JsonNode asked = say(ann, null, "mark water the plants as done");
		assertThat(asked.get("actions")).isEmpty();
		assertThat(asked.get("pending").get("kind").asString()).isEqualTo("confirm");
		assertThat(asked.get("reply").asString()).contains("Reply yes");
		assertThat(statusOf(ann, id)).isEqualTo("pending");

		String conversation = asked.get("conversation_id").asString();
		JsonNode done = say(ann, conversation, "yes");
		assertThat(done.get("actions").get(0).get("tool").asString()).isEqualTo("complete_task");
		assertThat(done.get("actions").get(0).get("task_ids").get(0).asLong()).isEqualTo(id);
		assertThat(done.get("pending").isNull()).isTrue();
		assertThat(statusOf(ann, id)).isEqualTo("completed");

		JsonNode again = say(ann, conversation, "yes");
		assertThat(again.get("actions")).isEmpty();
	}

	@Test
	void theConfirmEndpointRunsThePendingDeletionAndRefusesWhenNothingWaits() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = addTask(ann, "Groceries");
		JsonNode asked = say(ann, null, "delete the groceries task");
		String conversation = asked.get("conversation_id").asString();
		mvc.perform(ann.as(post("/api/chat/" + conversation + "/confirm")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.actions[0].tool").value("delete_task"));
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isNotFound());
		mvc.perform(ann.as(post("/api/chat/" + conversation + "/confirm")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anyOtherMessageOrAnExpiredConfirmationCancelsTheAction() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = addTask(ann, "Old report");
		String conversation = say(ann, null, "delete old report").get("conversation_id").asString();
		say(ann, conversation, "what's due today?");
		assertThat(say(ann, conversation, "yes").get("actions")).isEmpty();
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk());

		CurrentUser user = accounts.find(UUID.fromString(ann.id())).orElseThrow();
		Conversation stale = conversations.find(user.id(), UUID.fromString(conversation)).orElseThrow();
		PendingAction expired = new PendingAction(PendingAction.Kind.CONFIRM, "delete it",
				List.of(ToolCall.of("delete_task", "task_id", id)), List.of(), Instant.now().minusSeconds(1));
		conversations.save(new Conversation(stale.id(), stale.ownerId(), stale.title(), stale.createdAt(),
				stale.updatedAt(), stale.messages(), expired));
		JsonNode late = say(ann, conversation, "yes");
		assertThat(late.get("reply").asString()).contains("expired");
		assertThat(late.get("actions")).isEmpty();
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk());
	}

	@Test
	void aReminderBeyondTheLimitIsRefusedInWordsAndNothingIsAdded() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		JsonNode reply = say(ann, null, "add trip Dec 20 remind me 400 days before");
		assertThat(reply.get("reply").asString()).contains("I couldn't add that: A reminder can be at most 366 days before the due time")
			.doesNotContain("P400D", "PT0S", "reminders");
		JsonNode all = json(mvc.perform(ann.as(get("/api/tasks").param("status", "all"))).andExpect(status().isOk()).andReturn());
		assertThat(all.get("items")).isEmpty();
	}

	@Test
	void aTrailingPriorityOrExclamationMarkReachesTheQuickAddParser() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		for (String message : List.of("add pay bills !!!", "add pay bills by Friday !!!")) {
			long id = say(ann, null, message).get("actions").get(0).get("task_ids").get(0).asLong();
			JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
			assertThat(task.get("title").asString()).as(message).isEqualTo("pay bills");
			assertThat(task.get("priority").asString()).as(message).isEqualTo("high");
		}
		long yahoo = say(ann, null, "add Learn Yahoo!").get("actions").get(0).get("task_ids").get(0).asLong();
		assertThat(json(mvc.perform(ann.as(get("/api/tasks/" + yahoo))).andReturn()).get("title").asString())
			.isEqualTo("Learn Yahoo!");
	}

	@Test
	void tasksTitledExactlySoAreFoundBehindManyPartialMatches() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long undated = ann.createTask(mvc, "{\"title\":\"Pay\"}");
		long alsoUndated = ann.createTask(mvc, "{\"title\":\"pay\"}");
		long dated = ann.createTask(mvc, "{\"title\":\"Pay\",\"due_at\":\"2026-12-01\"}");
		for (int i = 1; i <= 24; i++) {
			ann.createTask(mvc, "{\"title\":\"Pay rent " + i + "\",\"due_at\":\"2026-12-0" + (1 + i % 9) + "\"}");
		}
		JsonNode asked = say(ann, null, "delete pay");
		assertThat(asked.get("actions")).isEmpty();
		assertThat(asked.get("pending").get("kind").asString()).isEqualTo("choose");
		assertThat(asked.get("pending").get("candidates").valueStream().map(JsonNode::asLong).toList())
			.containsExactlyInAnyOrder(undated, alsoUndated, dated);
		assertThat(asked.get("reply").asString()).contains("Reply with its number").doesNotContain("Pay rent");
	}

	@Test
	void movingATaskToAnotherDayKeepsItsTimeOfDay() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		long dentist = ann.createTask(mvc, "{\"title\":\"Dentist\",\"due_at\":\"2026-11-03T09:00:00+01:00\"}");
		say(ann, null, "move the dentist to Dec 24");
		JsonNode moved = json(mvc.perform(ann.as(get("/api/tasks/" + dentist))).andExpect(status().isOk()).andReturn());
		assertThat(moved.get("all_day").asBoolean()).isFalse();
		assertThat(moved.get("due_at").asString()).contains("-12-24T09:00");

		say(ann, null, "move the dentist to Dec 28 5pm");
		JsonNode timed = json(mvc.perform(ann.as(get("/api/tasks/" + dentist))).andExpect(status().isOk()).andReturn());
		assertThat(timed.get("due_at").asString()).contains("-12-28T17:00");
	}

	@Test
	void movingATaskToATimeKeepsItsDay() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		long report = ann.createTask(mvc, "{\"title\":\"Zeta report\",\"due_at\":\"2030-12-10T09:00:00+01:00\"}");
		long allDay = ann.createTask(mvc, "{\"title\":\"Omega report\",\"due_at\":\"2030-12-11\"}");
		say(ann, null, "move zeta report to 3pm");
		assertThat(dueOf(ann, report)).isEqualTo("2030-12-10T15:00:00+01:00");
		say(ann, null, "move omega report to noon");
		assertThat(dueOf(ann, allDay)).isEqualTo("2030-12-11T12:00:00+01:00");
		say(ann, null, "move zeta report to Dec 20 at 5pm");
		assertThat(dueOf(ann, report)).endsWith("-12-20T17:00:00+01:00");
	}

	@Test
	void movingAnUndatedTaskToATimeTakesTheNextSuchTime() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		CurrentUser user = accounts.find(UUID.fromString(ann.id())).orElseThrow();
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Clock afternoon = Clock.fixed(ZonedDateTime.of(2026, 11, 29, 16, 0, 0, 0, berlin).toInstant(), berlin);
		AssistantTools atFour = new AssistantTools(tasks, new TaskPhraseParser(afternoon), afternoon);
		long undated = ann.createTask(mvc, "{\"title\":\"Undated\"}");
		atFour.run(user, ToolCall.of("update_task", "task_id", undated, "due", "5pm"));
		assertThat(dueOf(ann, undated)).isEqualTo("2026-11-29T17:00:00+01:00");
		atFour.run(user, ToolCall.of("update_task", "task_id", ann.createTask(mvc, "{\"title\":\"Later\"}"), "due", "3pm"));
		assertThat(json(mvc.perform(ann.as(get("/api/tasks").param("q", "Later"))).andReturn()).get("items").get(0)
			.get("due_at").asString()).isEqualTo("2026-11-30T15:00:00+01:00");
	}

	@Test
	void dueByADayListsEverythingOpenDueUntilThenOverdueIncluded() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		CurrentUser user = accounts.find(UUID.fromString(ann.id())).orElseThrow();
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Clock sunday = Clock.fixed(ZonedDateTime.of(2026, 11, 29, 16, 0, 0, 0, berlin).toInstant(), berlin);
		AssistantTools tools = new AssistantTools(tasks, new TaskPhraseParser(sunday), sunday);
		long overdue = ann.createTask(mvc, "{\"title\":\"Overdue\",\"due_at\":\"2026-11-20\"}");
		long bank = ann.createTask(mvc, "{\"title\":\"Go to the bank\",\"due_at\":\"2026-12-08\"}");
		long evening = ann.createTask(mvc, "{\"title\":\"Evening\",\"due_at\":\"2026-12-09T22:30:00+01:00\"}");
		ann.createTask(mvc, "{\"title\":\"Later\",\"due_at\":\"2026-12-10\"}");
		ann.createTask(mvc, "{\"title\":\"Undated\"}");
		long done = ann.createTask(mvc, "{\"title\":\"Done\",\"due_at\":\"2026-12-01\"}");
		tasks.complete(user, done, null);

		assertThat(tools.run(user, ToolCall.of("list_tasks", "due", "by Dec 9")).taskIds()).containsExactly(overdue, bank, evening);
		assertThat(tools.run(user, ToolCall.of("list_tasks", "due", "before Dec 9")).taskIds()).containsExactly(overdue, bank);
		assertThat(tools.run(user, ToolCall.of("list_tasks", "due", "Dec 9")).taskIds()).containsExactly(evening);
	}

	@Test
	void aLongListSaysHowManyMoreMatch() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		CurrentUser user = accounts.find(UUID.fromString(ann.id())).orElseThrow();
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Clock sunday = Clock.fixed(ZonedDateTime.of(2026, 11, 29, 16, 0, 0, 0, berlin).toInstant(), berlin);
		AssistantTools onSunday = new AssistantTools(tasks, new TaskPhraseParser(sunday), sunday);
		List<Long> done = new java.util.ArrayList<>();
		for (int i = 1; i <= 24; i++) {
			long id = ann.createTask(mvc, "{\"title\":\"Errand " + i + "\",\"due_at\":\"2026-12-0" + (1 + i % 5) + "\"}");
			if (i <= 23) {
				done.add(id);
			}
		}
		var listed = onSunday.run(user, ToolCall.of("list_tasks", "due", "next 7 days"));
		assertThat(listed.taskIds()).hasSize(20);
		assertThat(listed.result()).contains("\u2026 and 4 more.", "task list");
		assertThat(onSunday.run(user, ToolCall.of("list_tasks", "due", "next 7 days", "limit", 24)).result()).doesNotContain("more");

		done.forEach(id -> tasks.complete(user, id, null));
		var finished = tools.run(user, ToolCall.of("list_tasks", "completed", "today"));
		assertThat(finished.taskIds()).hasSize(20);
		assertThat(finished.result()).contains("\u2026 and 3 more.");
	}

	@Test
	void twoMatchingTasksMakeTheAssistantAskWhichOne() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long first = addTask(ann, "Call the dentist");
		long second = addTask(ann, "Pay the dentist");
		JsonNode asked = say(ann, null, "move the dentist to Dec 24");
		assertThat(asked.get("actions")).isEmpty();
		assertThat(asked.get("pending").get("kind").asString()).isEqualTo("choose");
		List<Long> candidates = asked.get("pending").get("candidates").valueStream().map(JsonNode::asLong).toList();
		assertThat(candidates).containsExactlyInAnyOrder(first, second);

		JsonNode moved = say(ann, asked.get("conversation_id").asString(), "2");
		long chosen = candidates.get(1);
		assertThat(moved.get("actions").get(0).get("task_ids").get(0).asLong()).isEqualTo(chosen);
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + chosen))).andReturn());
		assertThat(task.get("due_at").asString()).endsWith("-12-24");
	}

	@Test
	void listsAnswerFromTheUsersOwnTasks() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long overdue = addTask(ann, "File taxes");
		mvc.perform(ann.as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/tasks/" + overdue))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"due_at\":\"2020-01-01\",\"tags\":[\"work\"]}")).andExpect(status().isOk());
		JsonNode reply = say(ann, null, "show overdue work tasks");
		assertThat(reply.get("actions").get(0).get("task_ids").get(0).asLong()).isEqualTo(overdue);
		assertThat(reply.get("reply").asString()).contains("File taxes");
		assertThat(say(ann, null, "show overdue home tasks").get("actions").get(0).get("task_ids")).isEmpty();

		String conversation = say(ann, null, "complete file taxes").get("conversation_id").asString();
		say(ann, conversation, "yes");
		JsonNode finished = say(ann, null, "what did I finish today?");
		assertThat(finished.get("reply").asString()).contains("File taxes");
	}

	@Test
	void aUserCannotReachAnotherUsersConversationsOrTasks() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		long annsTask = addTask(ann, "Secret plan");
		String annsConversation = say(ann, null, "hello").get("conversation_id").asString();

		mvc.perform(bob.as(get("/api/chat/" + annsConversation))).andExpect(status().isNotFound());
		mvc.perform(bob.as(delete("/api/chat/" + annsConversation))).andExpect(status().isNotFound());
		mvc.perform(bob.as(post("/api/chat/" + annsConversation + "/confirm"))).andExpect(status().isNotFound());
		mvc.perform(bob.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"conversation_id\":\"" + annsConversation + "\",\"message\":\"yes\"}"))
			.andExpect(status().isNotFound());
		assertThat(json(mvc.perform(bob.as(get("/api/chat"))).andReturn())).isEmpty();

		JsonNode asked = say(bob, null, "delete #" + annsTask);
		assertThat(asked.get("actions").get(0).get("error").asBoolean()).isTrue();
		assertThat(say(bob, null, "mark secret plan as done").get("reply").asString()).contains("couldn't find");
		assertThat(statusOf(ann, annsTask)).isEqualTo("pending");
	}

	/** "delete #1" asked "Shall I delete task #1?" and only the "yes" said that there is no such task. */
	@Test
	void aTaskThatIsNotTheUsersIsSaidNotToExistAtOnceAndAlikeForAnotherUsersAndNone() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		long annsTask = addTask(ann, "Secret plan");

		for (long id : List.of(annsTask, 999_999_999L)) {
			for (String message : List.of("delete #" + id, "complete task #" + id)) {
				JsonNode reply = say(bob, null, message);
				assertThat(reply.get("reply").asString()).as(message).isEqualTo("I couldn't do that: Task " + id + " does not exist.");
				assertThat(reply.get("pending").isNull()).as(message).isTrue();
				assertThat(reply.get("actions").get(0).get("error").asBoolean()).as(message).isTrue();
			}
		}
		assertThat(statusOf(ann, annsTask)).isEqualTo("pending");
	}

	/**
	 * "it", "that" and "the last one" were searched as title words: "move it to next monday" moved "Write
	 * the quarterly report" (W-r-it-e) instead of the dentist just added.
	 */
	@Test
	void itAndThatMeanTheTaskThePreviousReplyTouched() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		JsonNode added = say(ann, null, "add Write the quarterly report friday 9am");
		String conversation = added.get("conversation_id").asString();
		long report = added.get("actions").get(0).get("task_ids").get(0).asLong();
		long dentist = say(ann, conversation, "add dentist tomorrow 3pm").get("actions").get(0).get("task_ids").get(0).asLong();
		JsonNode reportBefore = task(ann, report);

		JsonNode moved = say(ann, conversation, "move it to next monday");
		assertThat(moved.get("actions").get(0).get("task_ids").get(0).asLong()).isEqualTo(dentist);
		assertThat(task(ann, dentist).get("due_at").asString()).contains("T15:00");
		JsonNode prioritised = say(ann, conversation, "actually make that high priority");
		assertThat(prioritised.get("actions").get(0).get("task_ids").get(0).asLong()).isEqualTo(dentist);
		assertThat(task(ann, dentist).get("priority").asString()).isEqualTo("high");

		JsonNode delete = say(ann, conversation, "delete the last one");
		assertThat(delete.get("pending").get("kind").asString()).isEqualTo("confirm");
		assertThat(delete.get("reply").asString()).contains("Shall I delete #" + dentist);
		assertThat(say(ann, conversation, "no").get("actions")).isEmpty();

		JsonNode unclear = say(ann, conversation, "mark it as done");
		assertThat(unclear.get("reply").asString()).contains("Which task do you mean");
		assertThat(unclear.get("actions")).isEmpty();
		assertThat(unclear.get("pending").isNull()).isTrue();
		assertThat(say(ann, null, "delete it").get("reply").asString()).contains("Which task do you mean");
		assertThat(task(ann, report)).isEqualTo(reportBefore);
		assertThat(statusOf(ann, dentist)).isEqualTo("pending");
	}

	/** One task holding the phrase as a word is proposed, not changed; a phrase inside a word names none. */
	@Test
	void aTaskFoundByPartOfItsTitleIsProposedBeforeItIsChanged() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		long report = ann.createTask(mvc, "{\"title\":\"Write the quarterly report\",\"due_at\":\"2030-12-10\"}");

		assertThat(say(ann, null, "move rite to Dec 24").get("reply").asString()).contains("couldn't find");
		JsonNode proposed = say(ann, null, "move report to Dec 24");
		assertThat(proposed.get("actions")).isEmpty();
		assertThat(proposed.get("pending").get("kind").asString()).isEqualTo("confirm");
		assertThat(proposed.get("reply").asString().replace("\u2068", "").replace("\u2069", ""))
			.startsWith("Shall I move #" + report + " \u201cWrite the quarterly report\u201d").contains(" to Dec 24?");
		assertThat(dueOf(ann, report)).isEqualTo("2030-12-10");

		say(ann, proposed.get("conversation_id").asString(), "yes");
		assertThat(dueOf(ann, report)).endsWith("-12-24");
	}

	/** Picking a number from "Several tasks match" deleted or completed the task at once. */
	@Test
	void choosingWhichTaskToDeleteOrCompleteStillAsksForYes() throws Exception {
		for (String verb : List.of("delete", "complete")) {
			TestUser ann = TestUsers.signUp(mvc);
			addTask(ann, "Call the dentist");
			addTask(ann, "Pay the dentist");
			JsonNode asked = say(ann, null, verb + " the dentist");
			String conversation = asked.get("conversation_id").asString();
			long chosen = asked.get("pending").get("candidates").get(1).asLong();

			JsonNode picked = say(ann, conversation, "2");
			assertThat(picked.get("actions")).as(verb).isEmpty();
			assertThat(picked.get("pending").get("kind").asString()).as(verb).isEqualTo("confirm");
			assertThat(picked.get("reply").asString()).as(verb).startsWith("Shall I " + (verb.equals("delete") ? "delete" : "mark as done")
					+ " #" + chosen);
			assertThat(statusOf(ann, chosen)).as(verb).isEqualTo("pending");

			JsonNode done = say(ann, conversation, "yes");
			assertThat(done.get("actions").get(0).get("task_ids").get(0).asLong()).as(verb).isEqualTo(chosen);
			if (verb.equals("delete")) {
				mvc.perform(ann.as(get("/api/tasks/" + chosen))).andExpect(status().isNotFound());
			}
			else {
				assertThat(statusOf(ann, chosen)).isEqualTo("completed");
			}
		}
	}

	/** A line break in a message is white space, as a tab was: "add milk⏎tomorrow" got the help text. */
	@Test
	void aMessageOnSeveralLinesIsReadAsOneLine() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		for (String message : List.of("add milk\ntomorrow", "add milk\r\ntomorrow", "add milk\u2028tomorrow", "add\nmilk\u2029tomorrow")) {
			JsonNode reply = say(ann, null, message);
			JsonNode action = reply.get("actions").get(0);
			assertThat(action.get("tool").asString()).as(message).isEqualTo("add_task");
			assertThat(action.get("arguments").get("title").asString()).as(message).isEqualTo("milk");
			assertThat(action.get("arguments").get("due").asString()).as(message).isNotBlank();
		}
	}

	@Test
	void conversationsAreListedReadAndDeleted() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String id = say(ann, null, "add Plan the trip").get("conversation_id").asString();
		say(ann, id, "what's due this week?");
		mvc.perform(ann.as(get("/api/chat")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].title").value("add Plan the trip"));
		mvc.perform(ann.as(get("/api/chat/" + id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages.length()").value(4))
			.andExpect(jsonPath("$.messages[1].actions[0].tool").value("add_task"));
		mvc.perform(ann.as(delete("/api/chat/" + id))).andExpect(status().isNoContent());
		mvc.perform(ann.as(get("/api/chat/" + id))).andExpect(status().isNotFound());
	}

	@Test
	void badRequestsAreProblems() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		mvc.perform(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON).content("{\"message\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("message"));
		mvc.perform(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + "x".repeat(4001) + "\"}")).andExpect(status().isBadRequest());
		mvc.perform(ann.as(get("/api/chat/not-a-uuid"))).andExpect(status().isBadRequest());
		mvc.perform(ann.as(get("/api/chat/" + UUID.randomUUID())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON).content("{\"message\":\"hi\"}"))
			.andExpect(status().isUnauthorized());
	}

	/** An emoji is one character, though Java and H2 count two UTF-16 units. */
	@Test
	void aMessageOf4000EmojiIsWithinTheLimitAndTitlesItsConversationWithWholeCharacters() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String milk = "🥛";
		String message = milk.repeat(ChatService.MAX_MESSAGE);
		say(ann, null, message);
		mvc.perform(ann.as(get("/api/chat")))
			.andExpect(jsonPath("$[0].title").value(milk.repeat(79) + "\u2026"));
		mvc.perform(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + message + "!\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("message"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 4000 characters long"));
	}

	@Test
	void anIdenticalToolCallRepeatedInOneTurnIsAppliedOnce() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		CurrentUser user = accounts.find(UUID.fromString(ann.id())).orElseThrow();
		ToolTurn turn = new ToolTurn(tools, user);
		ToolCall add = ToolCall.of("add_task", "title", "Only once", "due", "tomorrow");
		long first = turn.call(add).taskIds().get(0);
		long second = turn.call(ToolCall.of("add_task", "title", "Only once", "due", "tomorrow")).taskIds().get(0);
		assertThat(second).isEqualTo(first);
		assertThat(turn.actions()).hasSize(1);
		JsonNode list = json(mvc.perform(ann.as(get("/api/tasks").param("q", "Only once"))).andReturn());
		assertThat(list.get("items")).hasSize(1);
	}

	@Test
	void aDateTheToolCannotReadIsAToolErrorNotAGuess() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		CurrentUser user = accounts.find(UUID.fromString(ann.id())).orElseThrow();
		var action = tools.run(user, ToolCall.of("add_task", "title", "Guess", "due", "when pigs fly"));
		assertThat(action.error()).isTrue();
		assertThat(action.result()).contains("as a date");
		assertThat(tools.run(user, ToolCall.of("update_task", "task_id", 999_999_999L, "priority", "high")).error())
			.isTrue();
	}

	private long addTask(TestUser user, String title) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"" + title + "\"}")).andExpect(status().isCreated()).andReturn()).get("id").asLong();
	}

	private JsonNode task(TestUser user, long id) throws Exception {
		return json(mvc.perform(user.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
	}

	private String dueOf(TestUser user, long id) throws Exception {
		return json(mvc.perform(user.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn()).get("due_at")
			.asString();
	}

	private String statusOf(TestUser user, long id) throws Exception {
		return json(mvc.perform(user.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn()).get("status")
			.asString();
	}

	private JsonNode say(TestUser user, String conversationId, String message) throws Exception {
		var body = JSON.createObjectNode().put("message", message);
		if (conversationId != null) {
			body.put("conversation_id", conversationId);
		}
		return json(mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
			.andExpect(status().isOk())
			.andReturn());
	}
}
