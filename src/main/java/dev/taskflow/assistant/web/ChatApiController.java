package dev.taskflow.assistant.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.assistant.internal.ChatReply;
import dev.taskflow.assistant.internal.ChatService;
import dev.taskflow.assistant.internal.Conversation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

@RestController
@RequestMapping("/api/chat")
@Tag(name = "Assistant")
class ChatApiController {

	private final ChatService chat;

	private final ChatStream stream;

	ChatApiController(ChatService chat, ChatStream stream) {
		this.chat = chat;
		this.stream = stream;
	}

	record ChatRequest(@Schema(description = "omit to start a new conversation") UUID conversationId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ChatService.MAX_MESSAGE) String message) {
	}

	record ConversationSummary(UUID id, String title, Instant createdAt, Instant updatedAt) {

		static ConversationSummary of(Conversation conversation) {
			return new ConversationSummary(conversation.id(), conversation.title(), conversation.createdAt(),
					conversation.updatedAt());
		}
	}

	record ConversationResponse(UUID id, String title, Instant createdAt, Instant updatedAt,
			List<Conversation.Message> messages, ChatReply.Pending pending) {
	}

	@PostMapping
	@Operation(summary = "Send the assistant a message; the reply lists the actions it took. With "
			+ "Accept: text/event-stream the reply streams: token events, then one reply event")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ChatReply.class)),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(type = "string", description = "token events {text}, then one reply event (ChatReply)")) })
	Object send(CurrentUser user, @RequestBody ChatRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		if (wantsStream(accept)) {
			return stream.start(user, request.conversationId(), request.message());
		}
		return chat.chat(user, request.conversationId(), request.message());
	}

	/** Only a client that asks for events by name gets them; curl's and browsers' wildcards get JSON. */
	private static boolean wantsStream(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm the conversation's pending destructive action (same as replying yes)")
	ChatReply confirm(CurrentUser user, @PathVariable UUID id) {
		return chat.confirm(user, id);
	}

	/**
	 * A page of conversations as a JSON array, as this list has always answered; the next page is in the
	 * {@code Link: <…>; rel="next"} header, as for tasks, absent on the last page.
	 */
	@GetMapping
	@Operation(summary = "Your conversations, most recently active first (keyset paging: the next page is in the Link header)")
	ResponseEntity<List<ConversationSummary>> list(CurrentUser user,
			@Parameter(description = "page size, 1-" + ChatService.MAX_LIST + ", default " + ChatService.DEFAULT_LIST)
			@RequestParam(defaultValue = "" + ChatService.DEFAULT_LIST) int limit,
			@Parameter(description = "from the Link header's next page") @RequestParam(required = false) String cursor) {
		ChatService.ConversationPage page = chat.list(user, limit, cursor);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (page.nextCursor() != null) {
			response.header(HttpHeaders.LINK, "</api/chat?limit=" + limit + "&cursor="
					+ UriUtils.encode(page.nextCursor(), StandardCharsets.UTF_8) + ">; rel=\"next\"");
		}
		return response.body(page.items().stream().map(ConversationSummary::of).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A conversation with its messages and actions")
	ConversationResponse get(CurrentUser user, @PathVariable UUID id) {
		Conversation conversation = chat.get(user, id);
		return new ConversationResponse(conversation.id(), conversation.title(), conversation.createdAt(),
				conversation.updatedAt(), conversation.messages(), ChatReply.Pending.of(chat.livePending(conversation)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a conversation")
	ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
		chat.delete(user, id);
		return ResponseEntity.noContent().build();
	}
}
