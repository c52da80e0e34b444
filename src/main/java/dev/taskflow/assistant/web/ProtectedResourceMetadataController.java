package dev.taskflow.assistant.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) for the MCP endpoint, which a client's 401 points
 * to. TaskFlow issues personal API tokens itself (account page or {@code POST /api/tokens}), so the
 * document names no authorization server; it tells clients to send the token as a Bearer header.
 */
@RestController
class ProtectedResourceMetadataController {

	@GetMapping({ "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp" })
	Map<String, Object> metadata(HttpServletRequest request) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("resource", base + "/mcp");
		metadata.put("bearer_methods_supported", List.of("header"));
		metadata.put("resource_name", "TaskFlow MCP server");
		metadata.put("resource_documentation", base + "/account");
		return metadata;
	}
}
