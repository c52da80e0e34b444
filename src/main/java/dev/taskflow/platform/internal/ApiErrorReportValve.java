package dev.taskflow.platform.internal;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for requests it answers itself, before any servlet runs (an encoded slash in
 * the path, a malformed query or header): problem+json under {@code /api} and for a request line too
 * broken to have a path (and under {@code /mcp}), Tomcat's page elsewhere.
 */
public class ApiErrorReportValve extends ErrorReportValve {

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
		if (status < 400 || response.getContentWritten() > 0 || !api) {
			super.report(request, response, throwable);
			return;
		}
		try {
			ContainerProblems.write(response.getResponse(), status);
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is already on its way: nothing more to tell it
		}
	}
}
