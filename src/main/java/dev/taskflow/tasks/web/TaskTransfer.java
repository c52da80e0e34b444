package dev.taskflow.tasks.web;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.RepeatedKeys;
import dev.taskflow.tasks.ImportedTask;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskPage;
import dev.taskflow.tasks.TaskQuery;
import dev.taskflow.tasks.TaskSort;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A user's tasks out to a file and back in. The export holds every live task (pending and completed;
 * not the trash) in creation order, written a page at a time so a long list never sits in memory. JSON
 * uses the API's task representation; CSV has one column per field. An import reads either, checks
 * every row with the same rules as {@code POST /api/tasks}, and creates all the tasks (each with its
 * {@code task.created} event) or, if any row is wrong, none of them, so fixing the file and importing
 * it again never duplicates anything.
 */
@Component
class TaskTransfer {

	/** At most this many tasks per import; a bigger list is split into several files. */
	static final int MAX_ROWS = 2_000;

	static final List<String> CSV_COLUMNS = List.of("title", "description", "status", "priority", "tags", "due_at",
			"recurrence", "recurrence_from", "reminders", "created_at", "completed_at", "series_id", "series_index",
			"series_anchor");

	/** Columns written for information only; an import ignores them, as the API ignores read-only fields. */
	private static final Set<String> CSV_READ_ONLY = Set.of("created_at", "completed_at");

	/**
	 * Cells a spreadsheet would run as a formula. They are written with a leading apostrophe, as is a
	 * cell that already starts with apostrophes before such a character, so that reading strips exactly one.
	 */
	private static final Pattern FORMULA_LIKE = Pattern.compile("^'*[=+\\-@\\t\\r].*", Pattern.DOTALL);

	/** A key's path inside the n-th task, under an export's "tasks" or a bare array: {@code tasks[2].title}. */
	private static final Pattern KEY_IN_TASK = Pattern.compile("(?:tasks)?\\[(\\d+)]\\.(.+)");

	/** Marks a snooze in the reminders cell: {@code snoozed:2026-11-30T14:00:00Z}. */
	private static final String SNOOZED = "snoozed:";

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

	private static final int PAGE = 200;

	enum Format {

		JSON("application/json", "json"), CSV("text/csv", "csv");

		final String mediaType;

		final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		static Format parse(String text) {
			return Arrays.stream(values())
				.filter(format -> format.extension.equalsIgnoreCase(text == null ? "" : text.strip()))
				.findFirst()
				.orElseThrow(() -> InvalidInput.of("format", "'" + text + "' is not a format; use json or csv"));
		}

		/** A file's format by its first character: JSON starts with [ or {, anything else is read as CSV. */
		static Format sniff(byte[] content) {
			for (byte b : content) {
				if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
					return b == '[' || b == '{' ? JSON : CSV;
				}
			}
			return CSV;
		}
	}

	/** One rejected row: its 1-based number, its title if it had one, and what is wrong with it. */
	record RejectedRow(int row, String title, List<InvalidInput.FieldProblem> problems) {
	}

	/** Thrown when the file could be read but some rows break the rules; nothing was imported. */
	static final class RowsRejected extends RuntimeException {

		private final List<RejectedRow> rows;

		RowsRejected(List<RejectedRow> rows) {
			super(rows.size() + (rows.size() == 1 ? " task" : " tasks") + " in the file cannot be imported; "
					+ "nothing was imported");
			this.rows = List.copyOf(rows);
		}

		List<RejectedRow> rows() {
			return rows;
		}

		/** The same as field problems, for the API's validation problem: {@code rows[3].due_at}. */
		InvalidInput asInvalidInput() {
			List<InvalidInput.FieldProblem> problems = new ArrayList<>();
			for (RejectedRow row : rows) {
				for (InvalidInput.FieldProblem problem : row.problems()) {
					problems.add(new InvalidInput.FieldProblem("rows[" + row.row() + "]." + problem.field(),
							problem.message()));
				}
			}
			return new InvalidInput(problems);
		}
	}

	private final TaskManagement tasks;

	private final JsonMapper json;

	private final CsvMapper csv = CsvMapper.builder().build();

	private final Clock clock;

	TaskTransfer(TaskManagement tasks, JsonMapper json, Clock clock) {
		this.tasks = tasks;
		this.json = json;
		this.clock = clock;
	}

	/** The name a download is saved under, e.g. {@code taskflow-tasks-2026-12-01.csv}. */
	String fileName(CurrentUser user, Format format) {
		return "taskflow-tasks-" + clock.instant().atZone(user.timeZone()).toLocalDate() + "." + format.extension;
	}

	void export(CurrentUser user, Format format, OutputStream out) {
		if (format == Format.JSON) {
			exportJson(user, out);
		}
		else {
			exportCsv(user, out);
		}
	}

	private void exportJson(CurrentUser user, OutputStream out) {
		try (JsonGenerator generator = json.writerWithDefaultPrettyPrinter().createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("format", "taskflow.tasks");
			generator.writeNumberProperty("version", 1);
			generator.writeStringProperty("exported_at", clock.instant().toString());
			generator.writeStringProperty("time_zone", user.timeZone().getId());
			generator.writeName("tasks");
			generator.writeStartArray();
			eachTask(user, task -> generator.writePOJO(TaskResponse.of(task)));
			generator.writeEndArray();
			generator.writeEndObject();
		}
	}

	private void exportCsv(CurrentUser user, OutputStream out) {
		CsvSchema schema = CsvSchema.builder().addColumns(CSV_COLUMNS, CsvSchema.ColumnType.STRING).build().withHeader();
		try (var writer = csv.writer(schema).writeValues(out)) {
			eachTask(user, task -> writer.write(csvRow(task)));
		}
	}

	private void eachTask(CurrentUser user, Consumer<Task> action) {
		String cursor = null;
		do {
			TaskPage page = tasks.list(user, new TaskQuery(Set.of(), Set.of(), List.of(), false, null, null, null, null,
					null, TaskSort.parse("created"), PAGE, cursor));
			page.items().forEach(action);
			cursor = page.nextCursor();
		}
		while (cursor != null);
	}

	private static Map<String, String> csvRow(Task task) {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("title", guarded(task.title()));
		row.put("description", task.description() == null ? "" : guarded(task.description()));
		row.put("status", task.status().value());
		row.put("priority", task.priority().value());
		row.put("tags", guarded(String.join(" ", task.tags())));
		row.put("due_at", task.due() == null ? "" : task.due().format());
		row.put("recurrence", task.recurrence() == null ? "" : task.recurrence().text());
		row.put("recurrence_from", task.recurrence() == null ? "" : task.recurrence().from().value());
		row.put("reminders", remindersCell(task.reminders()));
		row.put("created_at", task.createdAt().toString());
		row.put("completed_at", task.completedAt() == null ? "" : task.completedAt().toString());
		// where a recurring task stands in its series, so an import continues the schedule rather than restart it
		row.put("series_id", task.series() == null ? "" : String.valueOf(task.series().id()));
		row.put("series_index", task.series() == null ? "" : String.valueOf(task.series().index()));
		row.put("series_anchor", task.series() == null || task.series().anchor() == null ? "" : task.series().anchor());
		return row;
	}

	private static String guarded(String cell) {
		return FORMULA_LIKE.matcher(cell).matches() ? "'" + cell : cell;
	}

	private static String unguarded(String cell) {
		return cell.startsWith("'") && FORMULA_LIKE.matcher(cell.substring(1)).matches() ? cell.substring(1) : cell;
	}

	/**
	 * Imports a file: every task in it, or none.
	 * @return the tasks created, in the file's order
	 * @throws InvalidInput naming {@code file} when it is not a task list at all (not JSON or CSV, too many rows)
	 * @throws RowsRejected when some rows break the rules
	 */
	List<Task> importFile(CurrentUser user, Format format, byte[] content) {
		return importFile(user, format, content, StandardCharsets.UTF_8);
	}

	/**
	 * Imports a file whose sender said how its text is encoded ({@code text/csv; charset=ISO-8859-1}). The
	 * charset applies to CSV; JSON is UTF-8 by definition (RFC 8259), and Jackson tells UTF-16 and UTF-32
	 * JSON apart by itself.
	 */
	List<Task> importFile(CurrentUser user, Format format, byte[] content, Charset charset) {
		List<JsonNode> rows = format == Format.JSON ? jsonRows(content) : csvRows(CsvText.decode(content, charset));
		if (rows.size() > MAX_ROWS) {
			throw InvalidInput.of("file", "holds " + rows.size() + " tasks; import at most " + MAX_ROWS
					+ " at a time (split the file)");
		}
		List<ImportedTask> imported = new ArrayList<>();
		List<RejectedRow> rejected = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			JsonNode row = rows.get(i);
			try {
				imported.add(importedTask(row, user.timeZone()));
			}
			catch (InvalidInput ex) {
				JsonNode title = row.get("title");
				rejected.add(new RejectedRow(i + 1, title != null && title.isString() ? title.stringValue() : null,
						ex.problems()));
			}
		}
		if (!rejected.isEmpty()) {
			throw new RowsRejected(rejected);
		}
		return tasks.importAll(user, imported);
	}

	/** A row as a task to create, with its place in its series; every problem of the row at once. */
	private static ImportedTask importedTask(JsonNode row, ZoneId zone) {
		if (!row.isObject()) {
			throw InvalidInput.of("task", "must be a JSON object");
		}
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		TaskDraft draft = null;
		try {
			draft = TaskJsonReader.full(row, zone).draft();
		}
		catch (InvalidInput ex) {
			problems.addAll(ex.problems());
		}
		FieldErrors seriesErrors = new FieldErrors();
		ImportedTask.SeriesPlace place = SeriesPlaces.read(row, zone, seriesErrors);
		try {
			seriesErrors.throwIfAny();
		}
		catch (InvalidInput ex) {
			problems.addAll(ex.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new ImportedTask(draft, place, fired(row, draft));
	}

	/**
	 * The reminders the row says have fired ({@code "sent": true}); the draft read them in the row's order.
	 * A CSV row cannot say, and its reminders are read as fired (see {@link #csvTask}).
	 */
	private static List<Reminder.Spec> fired(JsonNode row, TaskDraft draft) {
		JsonNode reminders = row.get("reminders");
		if (reminders == null || !reminders.isArray() || reminders.size() != draft.reminders().size()) {
			return List.of();
		}
		List<Reminder.Spec> fired = new ArrayList<>();
		for (int i = 0; i < reminders.size(); i++) {
			if (reminders.get(i).path("sent").asBoolean(false)) {
				fired.add(draft.reminders().get(i));
			}
		}
		return fired;
	}

	private List<JsonNode> jsonRows(byte[] content) {
		JsonNode root;
		try {
			root = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(content);
		}
		catch (JacksonException ex) {
			throw RepeatedKeys.path(ex).map(path -> repeatedKey(path, content))
				.orElseGet(() -> InvalidInput.of("file", "is not valid JSON" + where(ex)));
		}
		JsonNode list = tasksIn(root);
		if (list == null || !list.isArray()) {
			throw InvalidInput.of("file", "must be a TaskFlow export: a JSON array of tasks, or an object with a "
					+ "\"tasks\" array");
		}
		List<JsonNode> rows = new ArrayList<>();
		((ArrayNode) list).forEach(rows::add);
		return rows;
	}

	/** The list of tasks in a JSON export, or the whole file when it is a bare array. */
	private static JsonNode tasksIn(JsonNode root) {
		return root != null && root.isObject() ? root.get("tasks") : root;
	}

	/**
	 * A key named twice refuses the file, as the API refuses such a body: read on, the last of the two
	 * would silently win. Inside a task it is that row's problem ({@code rows[3].title}), named with the
	 * row's title when the title is not what is repeated; anywhere else it is the file's.
	 */
	private RuntimeException repeatedKey(String path, byte[] content) {
		Matcher inTask = KEY_IN_TASK.matcher(path);
		if (!inTask.matches()) {
			return InvalidInput.of("file", "names \"" + path + "\" more than once; each key may appear once");
		}
		int index = Integer.parseInt(inTask.group(1));
		String field = inTask.group(2);
		String title = field.equals("title") ? null : titleOf(content, index);
		return new RowsRejected(List.of(new RejectedRow(index + 1, title,
				List.of(new InvalidInput.FieldProblem(field, RepeatedKeys.MESSAGE)))));
	}

	/** The title of the file's task at {@code index}, read leniently; none if the file is broken further on. */
	private String titleOf(byte[] content, int index) {
		try {
			JsonNode title = tasksIn(json.readTree(content)).path(index).get("title");
			return title != null && title.isString() ? title.stringValue() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private List<JsonNode> csvRows(String content) {
		if (content.isBlank()) {
			// the CSV reader would take it for a broken file rather than an empty one
			throw emptyCsv();
		}
		List<JsonNode> rows = new ArrayList<>();
		try (MappingIterator<Map<String, String>> lines = csv.readerFor(Map.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(content)) {
			checkColumns(lines);
			while (lines.hasNextValue()) {
				rows.add(csvTask(lines.nextValue()));
				if (rows.size() > MAX_ROWS) {
					break;
				}
			}
		}
		catch (JacksonException ex) {
			throw InvalidInput.of("file", "is not a CSV file TaskFlow can read" + where(ex));
		}
		return rows;
	}

	private static void checkColumns(MappingIterator<Map<String, String>> lines) {
		if (!lines.hasNextValue() && !(lines.parser().getSchema() instanceof CsvSchema)) {
			throw emptyCsv();
		}
		CsvSchema header = (CsvSchema) lines.parser().getSchema();
		List<String> columns = new ArrayList<>();
		header.forEach(column -> columns.add(column.getName().strip().toLowerCase(Locale.ROOT)));
		if (!columns.contains("title")) {
			throw InvalidInput.of("file", "needs a header row with a title column; the columns TaskFlow reads are "
					+ String.join(", ", CSV_COLUMNS));
		}
		List<String> unknown = columns.stream().filter(column -> !CSV_COLUMNS.contains(column)).toList();
		if (!unknown.isEmpty()) {
			throw InvalidInput.of("file", "has columns TaskFlow does not know: " + String.join(", ", unknown)
					+ " (it reads " + String.join(", ", CSV_COLUMNS) + ")");
		}
		// a row is read into a map by column name, where the last of two same-named cells would silently win
		List<String> repeated = columns.stream().filter(column -> columns.indexOf(column) != columns.lastIndexOf(column))
			.distinct()
			.toList();
		if (!repeated.isEmpty()) {
			throw InvalidInput.of("file", "names a column more than once: " + String.join(", ", repeated)
					+ " (each column may appear once)");
		}
	}

	private static InvalidInput emptyCsv() {
		return InvalidInput.of("file", "is empty; a CSV import starts with a header row naming its columns, "
				+ "such as title,due_at,tags");
	}

	/** A CSV row as the task JSON the API reads: empty cells are absent fields. */
	private ObjectNode csvTask(Map<String, String> line) {
		ObjectNode task = json.createObjectNode();
		line.forEach((rawName, rawValue) -> {
			String name = rawName.strip().toLowerCase(Locale.ROOT);
			// a description keeps its spaces, as in JSON; every other cell is a word, a date or a list
			String value = rawValue == null ? "" : name.equals("description") ? rawValue : rawValue.strip();
			if (value.isBlank() || CSV_READ_ONLY.contains(name)) {
				return;
			}
			switch (name) {
				case "title", "description" -> task.put(name, unguarded(value));
				case "tags" -> {
					ArrayNode tags = task.putArray("tags");
					SEPARATORS.splitAsStream(unguarded(value)).filter(tag -> !tag.isEmpty()).forEach(tags::add);
				}
				case "reminders" -> {
					// a CSV file cannot say whether a reminder fired: one whose time has passed had its turn
					// in the account the file came from, so it is read as fired and does not fire again here
					ArrayNode reminders = task.putArray("reminders");
					SEPARATORS.splitAsStream(value)
						.filter(reminder -> !reminder.isEmpty())
						.forEach(reminder -> csvReminder(reminder, reminders.addObject()).put("sent", true));
				}
				default -> task.put(name, value);
			}
		});
		return task;
	}

	/**
	 * One word of the reminders cell as the API's reminder: a lead time ({@code P1D}), a moment, or a
	 * snooze ({@code snoozed:2026-11-30T14:00:00Z}), which stays a snooze: of this occurrence only, and not
	 * counted against the ten reminders a task may have.
	 */
	private static ObjectNode csvReminder(String word, ObjectNode reminder) {
		if (word.regionMatches(true, 0, SNOOZED, 0, SNOOZED.length())) {
			return reminder.put("at", word.substring(SNOOZED.length())).put("snoozed", true);
		}
		return reminder.put(word.toUpperCase(Locale.ROOT).startsWith("P") ? "before" : "at", word);
	}

	/** Where in the file reading stopped, " (line 3, column 7)", or nothing when the reader cannot say. */
	private static String where(JacksonException ex) {
		return Optional.ofNullable(ex.getLocation())
			.filter(location -> location.getLineNr() > 0 && location.getColumnNr() > 0)
			.map(location -> " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
			.orElse("");
	}

	/**
	 * Reminders as the CSV column holds them: "PT15M 2026-12-01T08:00:00Z snoozed:2026-11-30T14:00:00Z"
	 * (before the due, at a moment, and a snooze, marked so that it comes back as one).
	 */
	private static String remindersCell(List<Reminder> reminders) {
		return reminders.stream()
			.map(reminder -> reminder.before() != null ? reminder.beforeText()
					: reminder.snoozed() ? SNOOZED + reminder.at() : reminder.at().toString())
			.collect(Collectors.joining(" "));
	}
}
