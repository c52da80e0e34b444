package dev.taskflow.eventing.internal.dapr;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.taskflow.eventing.ScheduledJobs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jobs API of the sidecar (alpha, needs Dapr's Scheduler service):
 * {@code POST /v1.0-alpha1/jobs/{name}} with {@code {"dueTime": RFC 3339, "data": …, "overwrite": true}}
 * (204 when accepted) and {@code DELETE} on the same path.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprScheduledJobs implements ScheduledJobs {

	private static final String JOB = "/v1.0-alpha1/jobs/{name}";

	private final DaprSidecar sidecar;

	private final JsonMapper json;

	DaprScheduledJobs(DaprSidecar sidecar, JsonMapper json) {
		this.sidecar = sidecar;
		this.json = json;
	}

	@Override
	public void schedule(String name, Instant dueTime, Map<String, ?> data) {
		ScheduledJobs.checkName(name);
		Map<String, Object> job = new LinkedHashMap<>();
		job.put("dueTime", DateTimeFormatter.ISO_INSTANT.format(dueTime));
		job.put("data", data);
		job.put("overwrite", true);
		byte[] body = json.writeValueAsBytes(job);
		call("schedule", name, () -> sidecar.http()
			.post()
			.uri(JOB, name)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> expect(response.getStatusCode(), response.getBody(), "schedule", name)));
	}

	@Override
	public void cancel(String name) {
		ScheduledJobs.checkName(name);
		call("cancel", name, () -> sidecar.http()
			.delete()
			.uri(JOB, name)
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 404) {
					return null;
				}
				return expect(response.getStatusCode(), response.getBody(), "cancel", name);
			}));
	}

	private void call(String what, String name, Runnable call) {
		try {
			call.run();
		}
		catch (RestClientException ex) {
			throw new Unavailable("Could not " + what + " job " + name + ": the Dapr sidecar at "
					+ sidecar.properties().httpEndpoint() + " is unreachable (" + ex.getMostSpecificCause() + ")", ex);
		}
	}

	private static Void expect(HttpStatusCode status, InputStream body, String what, String name) throws IOException {
		if (!status.is2xxSuccessful()) {
			throw new Unavailable("The Dapr Jobs API did not " + what + " job " + name + ": HTTP " + status.value() + " "
					+ DaprSidecar.brief(body), null);
		}
		return null;
	}

}
