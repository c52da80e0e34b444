package dev.taskflow.platform;

import java.util.List;

/**
 * A request a user got wrong, with one entry per offending field. Rendered as a 400 problem with an
 * {@code errors} array, so a client can point at every mistake at once instead of one per round trip.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInput(List<FieldProblem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * A problem the field messages alone would not say well, such as two fields of which exactly one is
	 * needed; {@code detail} is a sentence of its own.
	 */
	public InvalidInput(String detail, List<FieldProblem> problems) {
		super(detail);
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String message) {
		return new InvalidInput(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	private static String summary(List<FieldProblem> problems) {
		if (problems.size() == 1) {
			FieldProblem only = problems.get(0);
			return only.field() + ": " + only.message();
		}
		return problems.size() + " fields are invalid";
	}

	/** One offending field ({@code pointer}-like dotted path, e.g. {@code tags[2]}) and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}
}
