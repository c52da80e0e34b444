package dev.taskflow.platform;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * A JSON object that names a key twice ({@code {"title": "a", "title": "b"}}) is refused wherever TaskFlow
 * reads what a person sent — request bodies and imported files alike — rather than the last one silently
 * winning. Jackson's duplicate detection ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}) finds it
 * with a bare stream error; this names the key.
 */
public final class RepeatedKeys {

	/** What a field problem says about a key given twice, in the API and the import alike. */
	public static final String MESSAGE = "is given more than once";

	private RepeatedKeys() {
	}

	/**
	 * The path of the key a document names twice ({@code filters.q}, {@code tasks[2].title},
	 * {@code [0].title} under a top-level array), when that is why reading it failed. The parser still
	 * stands on the repeated key, so its context spells the path.
	 */
	public static Optional<String> path(JacksonException ex) {
		if (!(ex instanceof StreamReadException read) || read.getOriginalMessage() == null
				|| !read.getOriginalMessage().startsWith("Duplicate Object property") || read.processor() == null) {
			return Optional.empty();
		}
		StringBuilder path = new StringBuilder();
		TokenStreamContext context = read.processor().streamReadContext();
		while (!context.inRoot()) {
			path.insert(0, context.inArray() ? "[" + context.getCurrentIndex() + "]"
					: (context.getParent().inRoot() ? "" : ".") + context.currentName());
			context = context.getParent();
		}
		return Optional.of(path.toString());
	}
}
