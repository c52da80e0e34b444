package dev.taskflow.tasks.web;

import java.util.List;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.Characters;
import dev.taskflow.platform.PageController;
import dev.taskflow.tasks.ParsedTask;
import dev.taskflow.tasks.TaskPhraseParser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chip row under the quick-add field: what the line will become before Enter (htmx asks while the
 * person types). Nothing is saved here.
 */
@PageController
class QuickAddPreviewController {

	private static final int MAX_LINE = 500;

	private final TaskPhraseParser parser;

	QuickAddPreviewController(TaskPhraseParser parser) {
		this.parser = parser;
	}

	@GetMapping("/tasks/quick-add/preview")
	String preview(CurrentUser user, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String back, Model model) {
		String line = Characters.cut(title, MAX_LINE);
		ParsedTask parsed = parser.parse(line, user.timeZone());
		model.addAttribute("parsed", parsed);
		model.addAttribute("chips", line.isBlank() ? List.of() : QuickAdd.chips(parsed, TaskListFilter.parse(back)));
		return "tasks/quick-add :: preview";
	}
}
