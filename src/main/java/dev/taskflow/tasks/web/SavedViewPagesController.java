package dev.taskflow.tasks.web;

import java.io.IOException;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.Conflict;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.PageController;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.UserText;
import dev.taskflow.tasks.internal.SavedViewRepository.SavedView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saving the list on screen as a view, and deleting one, from the pages: plain form posts answered with
 * a redirect, the outcome said in the page's notice; a refused name comes back next to the field, as typed.
 */
@PageController
@RequestMapping("/views")
class SavedViewPagesController {

	private final SavedViews views;

	private final SavedViewCounts counts;

	SavedViewPagesController(SavedViews views, SavedViewCounts counts) {
		this.views = views;
		this.counts = counts;
	}

	/** The counts beside the saved views in the menu, which asks for them once the page is shown. */
	@GetMapping("/counts")
	String counts(CurrentUser user, Model model) {
		model.addAttribute("savedCounts", counts.of(user));
		return "tasks/views :: saved-counts";
	}

	/** {@code back} is the list's query string; the new view opens at once. */
	@PostMapping
	String save(CurrentUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		TaskListFilter filter = TaskListFilter.parse(back).firstPage();
		try {
			SavedView view = views.create(user, name, filter.parameters());
			redirect.addFlashAttribute("notice", "Saved the view “" + UserText.isolated(view.name()) + "”.");
			return "redirect:" + SavedViews.filterOf(view).url();
		}
		catch (InvalidInput ex) {
			InvalidInput.FieldProblem first = ex.problems().get(0);
			return refused(redirect, filter, name, !first.field().equals("name")
					? "This list cannot be saved as a view: " + first.message() + "."
					: UserText.isStorable(name, UserText.Lines.ONE)
							? "Give the view a name (at most " + SavedViews.MAX_NAME_LENGTH + " characters)."
							: "The name " + first.message() + ".");
		}
		catch (Conflict ex) {
			return refused(redirect, filter, name, ex.getMessage());
		}
	}

	/**
	 * Back to the list with the message next to the name field (an error, not a notice) and the name
	 * as typed, the filter panel open.
	 */
	private static String refused(RedirectAttributes redirect, TaskListFilter filter, String name, String message) {
		redirect.addFlashAttribute("viewNameError", message);
		redirect.addFlashAttribute("viewName", name);
		return "redirect:" + filter.url();
	}

	@PostMapping("/{id}/delete")
	String delete(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		views.delete(user, id);
		redirect.addFlashAttribute("notice", "Deleted the saved view.");
		return "redirect:/tasks";
	}

	@ExceptionHandler({ ResourceNotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}
}
