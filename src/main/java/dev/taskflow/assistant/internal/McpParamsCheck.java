package dev.taskflow.assistant.internal;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The MCP server's request handler with the params of the methods it answers checked before the SDK's
 * handlers read them. The SDK converts params into its request records and trusts the result: params
 * of the wrong shape for {@code initialize} came back as an internal error carrying Jackson's message
 * and our class names, and missing or ill-typed params of {@code tools/call} threw past its error
 * handling, so the transport answered HTTP 500 without the request's id and logged an ERROR. Here they
 * are Invalid params (-32602) for that request, with a sentence saying what the method takes. What a
 * handler still throws becomes an internal error (-32603) for that request; its details go to our log
 * and {@link McpErrorBodies} keeps them out of the answer.
 */
final class McpParamsCheck implements McpStatelessServerHandler {

	private static final Logger log = LoggerFactory.getLogger(McpParamsCheck.class);

	/** What each method takes, in the words of the -32602 answer. */
	private static final Map<String, String> SHAPES = Map.of(McpSchema.METHOD_INITIALIZE,
			"initialize takes an object with protocolVersion (a string), capabilities (an object) and clientInfo (an object)",
			McpSchema.METHOD_TOOLS_CALL, "tools/call takes an object with name (one of tools/list's names) "
					+ "and optionally arguments (an object)",
			McpSchema.METHOD_TOOLS_LIST, "tools/list takes an object or no params", McpSchema.METHOD_PING,
			"ping takes an object or no params");

	private final McpStatelessServerHandler handler;

	private final McpJsonMapper json;

	McpParamsCheck(McpStatelessServerHandler handler, McpJsonMapper json) {
		this.handler = handler;
		this.json = json;
	}

	/** The transport, with every request the server gets passing this check first. */
	static McpStatelessServerTransport around(McpStatelessServerTransport transport, McpJsonMapper json) {
		return new McpStatelessServerTransport() {
			@Override
			public void setMcpHandler(McpStatelessServerHandler handler) {
				transport.setMcpHandler(new McpParamsCheck(handler, json));
			}

			@Override
			public Mono<Void> closeGracefully() {
				return transport.closeGracefully();
			}

			@Override
			public void close() {
				transport.close();
			}

			@Override
			public List<String> protocolVersions() {
				return transport.protocolVersions();
			}
		};
	}

	@Override
	public Mono<JSONRPCResponse> handleRequest(McpTransportContext context, McpSchema.JSONRPCRequest request) {
		String shape = SHAPES.get(request.method());
		if (shape != null && !fits(request.method(), request.params())) {
			return Mono.just(JSONRPCResponse.error(request.id(),
					new JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid params: " + shape + ".")));
		}
		// deferred: the SDK's tools/call handler throws rather than returning a failed Mono
		return Mono.defer(() -> handler.handleRequest(context, request)).doOnNext(response -> {
			if (response.error() != null && McpErrorBodies.isInternal(response.error())) {
				log.error("MCP {} failed: {}", request.method(), response.error().message());
			}
		}).onErrorResume(ex -> {
			log.error("MCP {} failed", request.method(), ex);
			return Mono.just(JSONRPCResponse.error(request.id(),
					new JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR, McpErrorBodies.INTERNAL_MESSAGE)));
		});
	}

	private boolean fits(String method, Object params) {
		return switch (method) {
			case McpSchema.METHOD_INITIALIZE -> params instanceof Map && converts(params, McpSchema.InitializeRequest.class);
			case McpSchema.METHOD_TOOLS_CALL -> params instanceof Map<?, ?> call && call.get("name") instanceof String
					&& (call.get("arguments") == null || call.get("arguments") instanceof Map)
					&& converts(params, McpSchema.CallToolRequest.class);
			default -> params == null || params instanceof Map;
		};
	}

	private boolean converts(Object params, Class<?> type) {
		try {
			json.convertValue(params, type);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public Mono<Void> handleNotification(McpTransportContext context, McpSchema.JSONRPCNotification notification) {
		return handler.handleNotification(context, notification);
	}
}
