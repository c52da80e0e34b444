package dev.taskflow.web;

import dev.taskflow.platform.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/** Where sign-in lands: the task list is the home page. */
@PageController
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/tasks";
	}
}
