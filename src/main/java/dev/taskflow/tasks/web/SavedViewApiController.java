package dev.taskflow.tasks.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.tasks.internal.SavedViewRepository.SavedView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's saved views of the task list. Someone else's view is "not found". */
@RestController
@RequestMapping("/api/views")
@Tag(name = "Saved views")
class SavedViewApiController {

	private final SavedViews views;

	SavedViewApiController(SavedViews views) {
		this.views = views;
	}

	/** A saved view: its filters as the task list's URL names them, and that URL. */
	record SavedViewResponse(long id, String name, Map<String, String> filters, String url) {

		static SavedViewResponse of(SavedView view) {
			return new SavedViewResponse(view.id(), view.name(), SavedViews.filtersOf(view),
					SavedViews.filterOf(view).url());
		}
	}

	/**
	 * @param filters any of view (today, upcoming), status (pending, completed, all), q, tag, priority,
	 * due_from, due_to, sort — with the values {@code GET /api/tasks} accepts
	 */
	record NewView(String name, Map<String, String> filters) {
	}

	record SavedViewList(List<SavedViewResponse> items) {
	}

	@GetMapping
	@Operation(summary = "Your saved views, oldest first")
	SavedViewList list(CurrentUser user) {
		return new SavedViewList(views.list(user).stream().map(SavedViewResponse::of).toList());
	}

	@PostMapping
	@Operation(summary = "Save a view: a name and filters (view, status, q, tag, priority, due_from, due_to, sort)")
	ResponseEntity<SavedViewResponse> create(CurrentUser user, @RequestBody NewView request) {
		SavedViewResponse created = SavedViewResponse.of(views.create(user, request.name(), request.filters()));
		return ResponseEntity.created(URI.create("/api/views/" + created.id())).body(created);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a saved view (its tasks stay)")
	ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id) {
		views.delete(user, id);
		return ResponseEntity.noContent().build();
	}
}
