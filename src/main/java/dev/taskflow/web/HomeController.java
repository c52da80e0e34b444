package dev.taskflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where sign-in lands: the task list is the home page. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/tasks";
	}
}
