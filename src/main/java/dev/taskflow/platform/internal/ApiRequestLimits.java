package dev.taskflow.platform.internal;

import java.io.IOException;

import dev.taskflow.platform.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps API request bodies. A declared oversize body is refused before it is read; a chunked one
 * is cut off as soon as it crosses the limit, so nobody can make the server buffer megabytes of JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiRequestLimits extends OncePerRequestFilter {

	private final long maxBodyBytes;

	private final long maxImportBytes;

	private final JsonMapper json;

	ApiRequestLimits(PlatformProperties properties, JsonMapper json) {
		this.maxBodyBytes = properties.maxRequestBody().toBytes();
		this.maxImportBytes = properties.maxImportBody().toBytes();
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = PlatformProperties.IMPORT_PATH.equals(request.getRequestURI()) ? maxImportBytes : maxBodyBytes;
		if (request.getContentLengthLong() > limit) {
			ApiProblemHandler.write(response, json, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
					new RequestTooLarge(limit).getMessage());
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream delegate = super.getInputStream();
			return new ServletInputStream() {

				private long count;

				@Override
				public int read() throws IOException {
					int b = delegate.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = delegate.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) {
					count += n;
					if (count > limit) {
						throw new RequestTooLarge(limit);
					}
				}

				@Override
				public boolean isFinished() {
					return delegate.isFinished();
				}

				@Override
				public boolean isReady() {
					return delegate.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					delegate.setReadListener(listener);
				}
			};
		}
	}
}
