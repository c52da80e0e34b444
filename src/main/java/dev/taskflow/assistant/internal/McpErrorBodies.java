package dev.taskflow.assistant.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.core.exc.StreamReadException;

/**
 * The MCP transport's JSON mapper, which keeps exceptions and their messages out of what {@code /mcp}
 * answers:
 * <ul>
 * <li>An {@link McpError} the transport answers a message it cannot take with (not JSON, not a JSON-RPC
 * request, a missing {@code Accept}, a wrong {@code Content-Type}) is written as a JSON-RPC error
 * response without an id — what the Streamable HTTP transport lets a server send with its 4xx and what
 * an MCP client reads. The SDK hands the exception itself to Jackson, which writes every property of a
 * {@link Throwable}: its stack trace (some 20 KB of our internals), cause and suppressed exceptions.
 * Its code becomes JSON-RPC's: the SDK says Invalid Request (-32600) for a body that is not JSON at all
 * too, where JSON-RPC says Parse error (-32700), and Method not found (-32601) for an {@code Accept}
 * without both types, though no method was read: that is the request itself refused, -32600.</li>
 * <li>An internal error (-32603), the transport's or a handler's, says only that the server could not
 * handle the message: the SDK puts the exception's message there (Jackson's, with our class names).
 * The SDK or {@link McpParamsCheck} has logged it.</li>
 * </ul>
 */
final class McpErrorBodies implements McpJsonMapper {

	static final String INTERNAL_MESSAGE = "Internal error: the server could not handle this message";

	static final String PARSE_MESSAGE = "Parse error: the body is not JSON";

	private final McpJsonMapper delegate;

	/**
	 * Whether the body just read on this thread was not JSON. The transport reads the body and, when
	 * that fails, writes its error on the same thread, but it makes the same error of every failure; this
	 * is how the error learns which it was. Written by every read, cleared by every write.
	 */
	private final ThreadLocal<Boolean> notJson = new ThreadLocal<>();

	McpErrorBodies(McpJsonMapper delegate) {
		this.delegate = delegate;
	}

	@Override
	public String writeValueAsString(Object value) throws IOException {
		return delegate.writeValueAsString(answer(value));
	}

	@Override
	public byte[] writeValueAsBytes(Object value) throws IOException {
		return delegate.writeValueAsBytes(answer(value));
	}

	private Object answer(Object value) {
		boolean bodyWasNotJson = Boolean.TRUE.equals(notJson.get());
		notJson.remove();
		if (value instanceof McpError error) {
			return errorResponse(error, bodyWasNotJson);
		}
		if (value instanceof McpSchema.JSONRPCResponse response && response.error() != null && isInternal(response.error())) {
			return new McpSchema.JSONRPCResponse(response.jsonrpc(), response.id(), null,
					new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR, INTERNAL_MESSAGE));
		}
		return value;
	}

	static boolean isInternal(McpSchema.JSONRPCResponse.JSONRPCError error) {
		return Integer.valueOf(McpSchema.ErrorCodes.INTERNAL_ERROR).equals(error.code());
	}

	/** {@code {"jsonrpc":"2.0","id":null,"error":{"code":…,"message":…}}}: JSON-RPC 2.0's id is null when unknown. */
	private static Map<String, Object> errorResponse(McpError error, boolean bodyWasNotJson) {
		McpSchema.JSONRPCResponse.JSONRPCError rpc = error.getJsonRpcError();
		int code = rpc == null || rpc.code() == null ? McpSchema.ErrorCodes.INTERNAL_ERROR : rpc.code();
		String message = code == McpSchema.ErrorCodes.INTERNAL_ERROR || rpc == null || rpc.message() == null
				? INTERNAL_MESSAGE : rpc.message();
		if (code == McpSchema.ErrorCodes.INVALID_REQUEST && bodyWasNotJson) {
			code = McpSchema.ErrorCodes.PARSE_ERROR;
			message = PARSE_MESSAGE;
		}
		else if (code == McpSchema.ErrorCodes.METHOD_NOT_FOUND) {
			// the transport's only -32601 refuses the Accept header, before any method is read
			code = McpSchema.ErrorCodes.INVALID_REQUEST;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
		response.put("id", null);
		response.put("error", body);
		return response;
	}

	/** Reads a body, noting for the error that may follow whether it was JSON at all. */
	private <T> T reading(String content, Read<T> read) throws IOException {
		notJson.remove();
		try {
			return read.value();
		}
		catch (IOException ex) {
			if (content.isBlank() || ex.getCause() instanceof StreamReadException) {
				notJson.set(true);
			}
			throw ex;
		}
	}

	@FunctionalInterface
	private interface Read<T> {

		T value() throws IOException;

	}

	@Override
	public <T> T readValue(String content, Class<T> type) throws IOException {
		return reading(content, () -> delegate.readValue(content, type));
	}

	@Override
	public <T> T readValue(byte[] content, Class<T> type) throws IOException {
		return delegate.readValue(content, type);
	}

	@Override
	public <T> T readValue(String content, TypeRef<T> type) throws IOException {
		return reading(content, () -> delegate.readValue(content, type));
	}

	@Override
	public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
		return delegate.readValue(content, type);
	}

	@Override
	public <T> T convertValue(Object fromValue, Class<T> type) {
		return delegate.convertValue(fromValue, type);
	}

	@Override
	public <T> T convertValue(Object fromValue, TypeRef<T> type) {
		return delegate.convertValue(fromValue, type);
	}
}
