package dev.taskflow.platform.internal;

/** Raised while reading a request body that exceeds the configured limit. */
class RequestTooLarge extends RuntimeException {

	RequestTooLarge(long limit) {
		super("The request body is larger than the limit of " + limit + " bytes.");
	}
}
