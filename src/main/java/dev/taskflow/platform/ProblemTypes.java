package dev.taskflow.platform;

import java.net.URI;

/**
 * Stable problem {@code type} URIs. Clients branch on these, so they never change once published;
 * docs/api.md describes each one.
 */
public final class ProblemTypes {

	private static final String BASE = "https://taskflow.dev/problems/";

	public static final URI VALIDATION = URI.create(BASE + "validation");
	public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
	public static final URI NOT_FOUND = URI.create(BASE + "not-found");
	public static final URI CONFLICT = URI.create(BASE + "conflict");
	public static final URI STALE_VERSION = URI.create(BASE + "stale-version");
	public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");
	public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");
	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
	public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
	public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
	public static final URI INTERNAL = URI.create(BASE + "internal");
	public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
	public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");

	private ProblemTypes() {
	}
}
