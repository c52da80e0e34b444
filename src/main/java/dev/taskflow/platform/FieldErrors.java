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

	public boolean isEmpty() {
		return problems.isEmpty();
	}

	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}
}
