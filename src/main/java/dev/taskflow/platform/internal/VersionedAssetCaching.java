package dev.taskflow.platform.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Lets browsers keep a script or style for good when it is asked for by a name that cannot change meaning:
 * our own files by their content-hashed name ({@code /js/taskflow-<md5>.js}, which pages link to, see
 * {@code spring.web.resources.chain}) and WebJars by their versioned path. Without this, Spring Security's
 * default {@code no-store} made every page load download every script and style again.
 *
 * <p>Only a name that resolves to the file being served is marked: a hash this release does not have (a
 * page from a newer replica asking an older one during a rolling deploy) must get an ordinary 404 that
 * nobody caches, or that browser would keep the 404 for a year. The plain names ({@code /js/taskflow.js},
 * which the offline page and the service worker use) keep being revalidated.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 8)
class VersionedAssetCaching extends OncePerRequestFilter {

	/** {@code /css/name-<32 hex digits>.css}: the name before the hash, and the extension. */
	private static final Pattern CONTENT_VERSIONED = Pattern.compile("^(/(?:css|js)/.+)-[0-9a-f]{32}(\\.(?:css|js))$");

	private static final String FOREVER = CacheControl.maxAge(Duration.ofDays(365))
		.cachePublic()
		.immutable()
		.getHeaderValue();

	private final ResourceUrlProvider urls;

	VersionedAssetCaching(ResourceUrlProvider mvcResourceUrlProvider) {
		this.urls = mvcResourceUrlProvider;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method)) || request.getQueryString() != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (namesOneVersionForGood(request.getRequestURI())) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, FOREVER);
		}
		chain.doFilter(request, response);
	}

	private boolean namesOneVersionForGood(String path) {
		Matcher versioned = CONTENT_VERSIONED.matcher(path);
		if (versioned.matches()) {
			return path.equals(urls.getForLookupPath(versioned.group(1) + versioned.group(2)));
		}
		return path.startsWith("/webjars/") && urls.getForLookupPath(path) != null;
	}
}
