package dev.taskflow.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while reading a request, then throws them all together. */
public final class FieldErrors {

	private final List<InvalidInput.FieldProblem> problems = new ArrayList<>();

	/** Records a problem; only the first one per field is kept, so a field gets one clear message. */
	public void add(String field, String message) {
		if (problems.stream().noneMatch(problem -> problem.field().equals(field))) {
			problems.add(new InvalidInput.FieldProblem(field, message));
		}
	}

	/**
	 * Records a parameter that takes one value but was given several times ({@code limit=1&limit=2}): which
	 * one the client meant is a guess, so neither is taken.
	 */
	public void addRepeated(String parameter, int times) {
		add(parameter, "is given " + times + " times; it takes one value");
	}

	public boolean isEmpty() {
		return problems.isEmpty();
	}

	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}
}
