package dev.taskflow.assistant.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The MCP server: the five task tools over Streamable HTTP at {@code /mcp}, stateless (no MCP session,
 * so any replica can answer any request). The acting user is the one the API token authenticated —
 * captured from the request by the transport, never read from a tool argument.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

	static final String ENDPOINT = "/mcp";

	private static final String USER = "taskflow.user";

	private static final Logger log = LoggerFactory.getLogger(McpServerConfiguration.class);

	@Bean
	HttpServletStatelessServerTransport mcpTransport(Accounts accounts) {
		return HttpServletStatelessServerTransport.builder()
			.messageEndpoint(ENDPOINT)
			.jsonMapper(new McpErrorBodies(McpJsonDefaults.getMapper()))
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

	/**
	 * Stateless, the endpoint offers no stream to GET and no session to DELETE: every method but POST
	 * (and OPTIONS, which the servlet answers) is 405 with {@code Allow: POST}, as the Streamable HTTP
	 * transport lets a server say so. The container's error dispatch makes it a problem like the API's.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> mcpPostOnly() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())) {
					chain.doFilter(request, response);
					return;
				}
				response.setHeader(HttpHeaders.ALLOW, "POST");
				response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			}
		});
		registration.addUrlPatterns(ENDPOINT);
		registration.setName("mcpPostOnly");
		return registration;
	}

	@Bean(destroyMethod = "close")
	McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, AssistantTools tools) {
		return McpServer.sync(McpParamsCheck.around(transport, McpJsonDefaults.getMapper()))
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
		ChatAction action;
		try {
			action = tools.run(user, new ToolCall(request.name(), request.arguments()));
		}
		catch (RuntimeException ex) {
			// the SDK would send the exception's message (SQL, Java internals) as the JSON-RPC error
			log.error("MCP tool {} failed", request.name(), ex);
			return McpSchema.CallToolResult.builder()
				.isError(true)
				.addTextContent("The tool failed on the server. Try again later.")
				.build();
		}
		if (action.error()) {
			return McpSchema.CallToolResult.builder().isError(true).addTextContent(action.result()).build();
		}
		return McpSchema.CallToolResult.builder()
			.addTextContent(action.result())
			.structuredContent(Map.of("message", action.result(), "task_ids", List.copyOf(action.taskIds())))
			.build();
	}
}
