package dev.taskflow.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders the server's HTML pages, as opposed to a {@code @RestController} of the
 * API. The layout's shared model (who is signed in, their preferences, the theme, the views menu, the
 * unread count) is worked out for these and the error page only: {@code @ModelAttribute} methods of an
 * unrestricted {@code @ControllerAdvice} run before every handler, and for an API call they looked up
 * the account and its counts that nobody shows, a fifth of the CPU a {@code GET} of one task took.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

	/** The bean name, as for {@link Controller#value()}. */
	@AliasFor(annotation = Controller.class)
	String value() default "";
}
