package dev.taskflow.assistant.internal;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class McpErrorBodiesTests {

	private final McpErrorBodies bodies = new McpErrorBodies(McpJsonDefaults.getMapper());

	/** The SDK answers a handler's exception with -32603 and the exception's message: the id stays, the message goes. */
	@Test
	void anInternalErrorKeepsItsRequestsIdButNotTheExceptionsMessage() throws Exception {
		String written = bodies.writeValueAsString(JSONRPCResponse.error(28, new JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
				"tools.jackson.databind.exc.MismatchedInputException: Cannot construct instance of "
						+ "`io.modelcontextprotocol.spec.McpSchema$InitializeRequest`",
				"dev.taskflow.Secret")));
		assertThat(written).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":28,\"error\":{\"code\":-32603,\"message\":\""
				+ McpErrorBodies.INTERNAL_MESSAGE + "\"}}");
	}

	@Test
	void otherErrorsAndResultsAreWrittenAsTheyAre() throws Exception {
		JSONRPCResponse unknownTool = JSONRPCResponse.error(3,
				new JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS, "Unknown tool: invalid_tool_name"));
		assertThat(bodies.writeValueAsString(unknownTool)).isEqualTo(McpJsonDefaults.getMapper().writeValueAsString(unknownTool));
		JSONRPCResponse pong = JSONRPCResponse.result(4, java.util.Map.of());
		assertThat(bodies.writeValueAsString(pong)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}");
	}
}
