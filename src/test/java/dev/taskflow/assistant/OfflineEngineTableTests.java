package dev.taskflow.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.assistant.internal.AssistantTools;
import dev.taskflow.assistant.internal.ChatEngine.EngineReply;
import dev.taskflow.assistant.internal.Conversation;
import dev.taskflow.assistant.internal.OfflineEngine;
import dev.taskflow.assistant.internal.ToolCall;
import dev.taskflow.assistant.internal.ToolTurn;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskPhraseParser;
import dev.taskflow.tasks.TaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline engine's table (offline-phrasings.md in this package's test resources): each message,
 * said at a fixed moment in Berlin to a user with a known set of tasks, and what the engine must do —
 * which tool with which arguments, held for confirmation or not, asking which task, or only answering.
 */
@TaskFlowTest
class OfflineEngineTableTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final Clock SATURDAY_MORNING = Clock.fixed(ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, BERLIN).toInstant(),
			BERLIN);

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TaskManagement tasks;

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("phrasings")
	void doesWhatTheTableSays(String message, String does, String arguments, String reply) throws Exception {
		CurrentUser user = userWithTasks();
		TaskPhraseParser parser = new TaskPhraseParser(SATURDAY_MORNING);
		ToolTurn turn = new ToolTurn(new AssistantTools(tasks, parser, SATURDAY_MORNING), user);
		OfflineEngine engine = new OfflineEngine(parser, tasks, SATURDAY_MORNING);

		EngineReply answer = engine.respond(user, Conversation.start(user.id(), message, SATURDAY_MORNING.instant()),
				message, turn);

		List<String> did = new ArrayList<>();
		List<String> args = new ArrayList<>();
		turn.actions().forEach(action -> {
			did.add(action.tool());
			args.add(arguments(user, new ToolCall(action.tool(), action.arguments())));
		});
		turn.awaitingConfirmation().forEach(call -> {
			did.add(call.tool() + "?");
			args.add(arguments(user, call));
		});
		if (answer.choice() != null) {
			did.add("choose " + answer.choice().calls().get(0).tool());
			args.add(arguments(user, answer.choice().calls().get(0)));
			assertThat(answer.choice().candidates()).as("candidates").hasSize(2);
		}
		assertThat(did.isEmpty() ? "nothing" : String.join(", ", did)).as("does").isEqualTo(does);
		assertThat(String.join(" | ", args)).as("arguments").isEqualTo(arguments);
		if (!reply.isEmpty()) {
			String text = answer.reply() == null ? "" : answer.reply();
			if (!turn.awaitingConfirmation().isEmpty()) {
				text += " Shall I " + turn.awaitingConfirmation().stream().map(call -> new AssistantTools(tasks, parser, SATURDAY_MORNING).preview(user, call))
					.collect(Collectors.joining(" and ")) + "? Reply yes";
			}
			// the table gives the words; titles and what the person typed come isolated (FSI … PDI)
			assertThat(text.replace("\u2068", "").replace("\u2069", "")).as("reply").contains(reply);
		}
	}

	/** A new user (so rows cannot see each other's tasks) in Berlin with the table's tasks. */
	private CurrentUser userWithTasks() throws Exception {
		CurrentUser user = accounts.find(UUID.fromString(TestUsers.signUp(mvc, "Europe/Berlin").id())).orElseThrow();
		task(user, "Buy milk");
		task(user, "Call the dentist");
		task(user, "Pay the dentist");
		task(user, "Groceries");
		task(user, "File taxes", "work");
		task(user, "Water plants", "home");
		task(user, "Talk to Bob");
		task(user, "Go to the bank");
		return user;
	}

	private void task(CurrentUser user, String title, String... tags) {
		tasks.create(user, new TaskDraft(title, null, TaskStatus.PENDING, Priority.NONE, List.of(tags), null, null, List.of()));
	}

	/** The call's arguments as "key=value; …", sorted, with the task named by its title. */
	private String arguments(CurrentUser user, ToolCall call) {
		Map<String, String> shown = new TreeMap<>();
		call.arguments().forEach((key, value) -> {
			if (key.equals("task_id")) {
				long id = ((Number) value).longValue();
				shown.put("task", id == 0 ? "?" : tasks.get(user, id).title());
			}
			else {
				shown.put(key, value instanceof List<?> list ? list.toString() : String.valueOf(value));
			}
		});
		return shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
	}

	static Stream<Arguments> phrasings() throws IOException {
		try (InputStream in = OfflineEngineTableTests.class.getResourceAsStream("offline-phrasings.md")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<Arguments> rows = new ArrayList<>();
			boolean header = true;
			for (String line : text.split("\n")) {
				if (!line.startsWith("|") || line.startsWith("|--")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				Object[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|", -1))
					.map(String::strip)
					.map(cell -> cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")
							? cell.substring(1, cell.length() - 1) : cell)
					.toArray();
				rows.add(Arguments.of(cells));
			}
			return rows.stream();
		}
	}
}
