package dev.taskflow.web.live;

import dev.taskflow.accounts.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream}: Server-Sent Events for the signed-in user (session or Bearer token). Each
 * event's name is its type ({@code notification.created}, {@code task.updated} …) and its data the
 * event body as JSON. Nothing is replayed on reconnect: a client reloads what it shows instead.
 */
@RestController
@Tag(name = "Live updates")
class LiveStreamController {

	private final LiveStreams streams;

	/**
	 * When the stream ends, the container dispatches the request once more (ASYNC) through the security
	 * filters. A token-authenticated request keeps no session, so its authentication is kept in the
	 * request for that dispatch; otherwise it would be refused on a response that is already committed.
	 */
	private final SecurityContextRepository forTheEndOfTheStream = new RequestAttributeSecurityContextRepository();

	LiveStreamController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Your task changes and notifications as they happen (text/event-stream)")
	ResponseEntity<SseEmitter> stream(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		forTheEndOfTheStream.saveContext(SecurityContextHolder.getContext(), request, response);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache().noTransform())
			// nginx and similar proxies would otherwise buffer the stream
			.header("X-Accel-Buffering", "no")
			.body(streams.open(user.id()));
	}
}
