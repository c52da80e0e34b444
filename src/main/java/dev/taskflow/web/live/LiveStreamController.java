package dev.taskflow.web.live;

import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CredentialEnded;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.accounts.SignInDetailsChanged;
import dev.taskflow.platform.AfterCommit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stream}: Server-Sent Events for the signed-in user (session or Bearer token). Each
 * event's name is its type ({@code notification.created}, {@code task.updated} …) and its data the
 * event body as JSON. Nothing is replayed on reconnect: a client reloads what it shows instead. The
 * client address is the connection's, or the forwarded one when {@code server.forward-headers-strategy}
 * says to trust a proxy.
 */
@RestController
@Tag(name = "Live updates")
class LiveStreamController {

	private final LiveStreams streams;

	LiveStreamController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Your task changes and notifications as they happen (text/event-stream)")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
			schema = @Schema(type = "string", description = "events named by type (task.created, "
					+ "notification.created …), the event body as data, and keep-alive comments")))
	void stream(CurrentUser user, Credential credential, HttpServletRequest request, HttpServletResponse response) {
		streams.open(new LiveStream.Owner(user.id(), request.getRemoteAddr(), credential), request, response);
	}

	/**
	 * The stream's headers without a stream: a {@code HEAD} request (a link checker, a monitor) would
	 * otherwise hold one of its user's and its address's places until the time-out, with nobody reading.
	 */
	@Hidden
	@RequestMapping(path = "/api/stream", method = RequestMethod.HEAD, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void probe(HttpServletResponse response) {
		LiveStream.writeHeaders(response);
	}

	/**
	 * Signing out, a session expiring or revoking a token ends the streams it opened, at once — once the
	 * revocation has committed: a revocation that rolls back leaves the token valid, and its streams open.
	 */
	@EventListener
	void on(CredentialEnded ended) {
		AfterCommit.run(() -> streams.closeAll(ended.credential()));
	}

	/**
	 * A password or e-mail change ends the streams of every other session of the account at once, once it
	 * has committed; the changing session's streams go on, as do API tokens'. Streams in other processes
	 * end at their next heartbeat ({@link LiveStreams}).
	 */
	@EventListener
	void on(SignInDetailsChanged changed) {
		AfterCommit.run(() -> streams.endSignInsOtherThan(changed.userId(), changed.keptSession()));
	}
}
