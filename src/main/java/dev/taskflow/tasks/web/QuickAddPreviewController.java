package dev.taskflow.tasks.web;

import java.util.List;

import dev.taskflow.accounts.CurrentUser;
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

	private final TaskPhraseParser parser;

	QuickAddPreviewController(TaskPhraseParser parser) {
		this.parser = parser;
	}

	@GetMapping("/tasks/quick-add/preview")
	String preview(CurrentUser user, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String back, Model model) {
		// the whole line, as adding it reads it: the parser's own limit is the only one, so the chips
		// show exactly what Enter will store
		ParsedTask parsed = parser.parse(title, user.timeZone());
		model.addAttribute("parsed", parsed);
		model.addAttribute("chips", title.isBlank() ? List.of() : QuickAdd.chips(parsed, TaskListFilter.parse(back)));
		return "tasks/quick-add :: preview";
	}
}
