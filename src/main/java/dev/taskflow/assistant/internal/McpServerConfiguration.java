package dev.taskflow.assistant.internal;

import java.util.List;
import java.util.Map;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server: the five task tools over Streamable HTTP at {@code /mcp}, stateless (no MCP session,
 * so any replica can answer any request). The acting user is the one the API token authenticated —
 * captured from the request by the transport, never read from a tool argument.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

	static final String ENDPOINT = "/mcp";

	private static final String USER = "taskflow.user";

	@Bean
	HttpServletStatelessServerTransport mcpTransport(Accounts accounts) {
		return HttpServletStatelessServerTransport.builder()
			.messageEndpoint(ENDPOINT)
			.contextExtractor(request -> accounts.signedIn()
				.map(user -> McpTransportContext.create(Map.of(USER, user)))
				.orElse(McpTransportContext.EMPTY))
			.build();
	}

	@Bean
	ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport) {
		ServletRegistrationBean<HttpServletStatelessServerTransport> registration = new ServletRegistrationBean<>(transport,
				ENDPOINT);
		registration.setName("mcp");
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean(destroyMethod = "close")
	McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, AssistantTools tools) {
		return McpServer.sync(transport)
			.serverInfo("taskflow", "1.0")
			.instructions("Manage the signed-in user's TaskFlow tasks. Pass dates as the user said them "
					+ "('next Tuesday 5pm'); the server reads them in the user's time zone.")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.tools(McpToolCatalog.tools()
				.stream()
				.map(tool -> new McpStatelessServerFeatures.SyncToolSpecification(tool,
						(context, request) -> call(tools, context, request)))
				.toList())
			.build();
	}

	private static McpSchema.CallToolResult call(AssistantTools tools, McpTransportContext context,
			McpSchema.CallToolRequest request) {
		if (!(context.get(USER) instanceof CurrentUser user)) {
			return McpSchema.CallToolResult.builder().isError(true).addTextContent("Not signed in.").build();
		}
		ChatAction action = tools.run(user, new ToolCall(request.name(), request.arguments()));
		if (action.error()) {
			return McpSchema.CallToolResult.builder().isError(true).addTextContent(action.result()).build();
		}
		return McpSchema.CallToolResult.builder()
			.addTextContent(action.result())
			.structuredContent(Map.of("message", action.result(), "task_ids", List.copyOf(action.taskIds())))
			.build();
	}
}
