package dev.taskflow.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for requests it answers itself, before any servlet runs (an encoded slash in
 * the path, a malformed query or header): problem+json under {@code /api} and for a request line too
 * broken to have a path (and under {@code /mcp}), TaskFlow's own error page for a client error
 * elsewhere. Tomcat's report is left only for what is neither, and never names the server.
 */
public class ApiErrorReportValve extends ErrorReportValve {

	private static final byte[] PAGE = read("/errors/request-refused.html");

	public ApiErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		String uri = request.getRequestURI();
		// a request line Tomcat could not parse has no path: whoever sent it gets the machine-readable answer
		boolean api = uri == null || uri.isEmpty() || ContainerProblems.answersWithProblems(uri);
		boolean page = !api && status < 500;
		if (status < 400 || response.getContentWritten() > 0 || !(api || page)) {
			super.report(request, response, throwable);
			return;
		}
		try {
			if (api) {
				ContainerProblems.write(response.getResponse(), status);
			}
			else {
				writePage(response);
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is already on its way: nothing more to tell it
		}
	}

	private static void writePage(Response response) throws IOException {
		response.resetBuffer();
		response.setContentType("text/html;charset=UTF-8");
		response.setContentLength(PAGE.length);
		response.getOutputStream().write(PAGE);
		response.getOutputStream().flush();
	}

	private static byte[] read(String path) {
		try (InputStream page = ApiErrorReportValve.class.getResourceAsStream(path)) {
			return page.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
