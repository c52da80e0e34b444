package dev.taskflow.assistant.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The MCP transport's JSON mapper, which keeps exceptions and their messages out of what {@code /mcp}
 * answers:
 * <ul>
 * <li>An {@link McpError} the transport answers a message it cannot take with (not JSON, not a JSON-RPC
 * request, a missing {@code Accept}, a wrong {@code Content-Type}) is written as a JSON-RPC error
 * response without an id — what the Streamable HTTP transport lets a server send with its 4xx and what
 * an MCP client reads. The SDK hands the exception itself to Jackson, which writes every property of a
 * {@link Throwable}: its stack trace (some 20 KB of our internals), cause and suppressed exceptions.</li>
 * <li>An internal error (-32603), the transport's or a handler's, says only that the server could not
 * handle the message: the SDK puts the exception's message there (Jackson's, with our class names).
 * The SDK or {@link McpParamsCheck} has logged it.</li>
 * </ul>
 */
final class McpErrorBodies implements McpJsonMapper {

	static final String INTERNAL_MESSAGE = "Internal error: the server could not handle this message";

	private final McpJsonMapper delegate;

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
		if (value instanceof McpError error) {
			return errorResponse(error);
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
	private static Map<String, Object> errorResponse(McpError error) {
		McpSchema.JSONRPCResponse.JSONRPCError rpc = error.getJsonRpcError();
		int code = rpc == null || rpc.code() == null ? McpSchema.ErrorCodes.INTERNAL_ERROR : rpc.code();
		String message = code == McpSchema.ErrorCodes.INTERNAL_ERROR || rpc == null || rpc.message() == null
				? INTERNAL_MESSAGE : rpc.message();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
		response.put("id", null);
		response.put("error", body);
		return response;
	}

	@Override
	public <T> T readValue(String content, Class<T> type) throws IOException {
		return delegate.readValue(content, type);
	}

	@Override
	public <T> T readValue(byte[] content, Class<T> type) throws IOException {
		return delegate.readValue(content, type);
	}

	@Override
	public <T> T readValue(String content, TypeRef<T> type) throws IOException {
		return delegate.readValue(content, type);
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
