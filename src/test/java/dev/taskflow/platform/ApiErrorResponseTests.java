package dev.taskflow.platform;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A user's mistakes get a problem+json with a stable type, never a 500 or a stack trace. */
@TaskFlowTest
class ApiErrorResponseTests {

	@Autowired
	MockMvc mvc;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc);
	}

	@Test
	void malformedJsonIs400WithItsPosition() throws Exception {
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\",,}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/malformed-request"))
			.andExpect(jsonPath("$.detail").value(containsString("line 1")))
			.andExpect(content().string(not(containsString("tools.jackson"))));
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(""))
			.andExpect(status().isBadRequest());
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	/** Inputs a fuzzer once turned into 500s: each is a 400 naming the field at fault. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			reminders[0].before | {"title": "x", "reminders": [{"before": {"a": 1}}]}
			reminders[0].before | {"title": "x", "reminders": [{"before": ["PT1M"]}]}
			reminders[0].at     | {"title": "x", "reminders": [{"at": {"a": 1}}]}
			reminders[0].at     | {"title": "x", "reminders": [{"at": "-300000000-01-01T00:00:00Z"}]}
			reminders[0].at     | {"title": "x", "reminders": [{"at": "1899-12-31T23:00:00Z"}]}
			due_at              | {"title": "x", "due_at": "-999999999-01-01T00:00:00-18:00", "reminders": [{"before": "PT1M"}]}
			due_at              | {"title": "x", "due_at": "+1000000000-01-01"}
			due_at              | {"title": "x", "due_at": "0000-01-01"}
			due_at              | {"title": "x", "due_at": "1800-01-01T09:00:00", "recurrence": "daily"}
			due_at              | {"title": "x", "due_at": "2026-12-01T09:00:00+01:00:30"}
			recurrence          | {"title": "x", "recurrence": "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6"}
			recurrence          | {"title": "x", "recurrence": "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-367"}
			recurrence          | {"title": "x", "recurrence": "FREQ=DAILY;UNTIL=20261301"}
			recurrence          | {"title": "x", "recurrence": "FREQ=SECONDLY;INTERVAL=2147483647"}
			recurrence          | {"title": "x", "recurrence": "FREQ=MINUTELY"}
			recurrence          | {"title": "x", "recurrence": "FREQ=MONTHLY;INTERVAL=2147483647"}
			recurrence          | {"title": "x", "recurrence": "FREQ=YEARLY;INTERVAL=999999"}
			""")
	void badValuesAre400WithAFieldError(String field, String body) throws Exception {
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "sort=,", "sort=,,", "due_from=0000-01-01", "due_to=+1000000000-01-01" })
	void badListFiltersAre400(String query) throws Exception {
		mvc.perform(ann.as(get("/api/tasks?" + query)))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
	}

	/**
	 * An id is written in ASCII decimal digits. Spring's own conversion read {@code 0x1F}, {@code #31},
	 * {@code +31} and full-width digits as 31, so each of these named the user's task 31.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "hex", "hash", "plus", "full-width", "decimal point" })
	void idsAreDecimalDigitsOnly(String notation) throws Exception {
		long id = ann.createTask(mvc, "{\"title\": \"Mine\"}");
		String written = switch (notation) {
			case "hex" -> "0x" + Long.toHexString(id);
			case "hash" -> "%23" + id;
			case "plus" -> "+" + id;
			case "full-width" -> URLEncoder.encode(Long.toString(id).chars()
				.mapToObj(digit -> Character.toString(digit - '0' + '\uFF10'))
				.collect(Collectors.joining()), StandardCharsets.UTF_8);
			default -> id + ".0";
		};
		mvc.perform(ann.as(get(URI.create("/api/tasks/" + written))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	/** YAML, which Spring would speak with Java's field names, is not a dialect of this API. */
	@Test
	void theApiSpeaksJsonOnly() throws Exception {
		long id = ann.createTask(mvc, "{\"title\": \"Mine\", \"due_at\": \"2026-12-01\"}");
		mvc.perform(ann.as(get("/api/tasks/" + id)).accept("application/yaml"))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/not-acceptable"));
		mvc.perform(ann.as(post("/api/tasks")).contentType("application/yaml").content("title: Mine\n"))
			.andExpect(status().isUnsupportedMediaType());
	}

	/**
	 * A task or an account is not a problem: a client whose Accept names only problem+json (or another
	 * +json type) still gets its 2xx answer labelled application/json, not a success dressed as an error.
	 * Problems keep their own type.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "application/problem+json", "application/vnd.example+json" })
	void successesAreLabelledJsonWhateverJsonTypeIsAskedFor(String accept) throws Exception {
		long id = ann.createTask(mvc, "{\"title\": \"Mine\"}");
		mvc.perform(ann.as(get("/api/tasks/" + id)).accept(accept))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/json"))
			.andExpect(jsonPath("$.title").value("Mine"));
		mvc.perform(ann.as(get("/api/tasks")).accept(accept))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/json"));
		mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).accept(accept)
				.content("{\"email\": \"label-" + java.util.UUID.randomUUID() + "@example.com\", \"password\": \"correct horse battery\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Content-Type", "application/json"));
		mvc.perform(ann.as(get("/api/tasks/" + (id + 1000))).accept(accept))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"));
	}

	@Test
	void wrongContentTypeIs415() throws Exception {
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.TEXT_PLAIN).content("buy milk"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/unsupported-media-type"));
	}

	@Test
	void oversizeBodiesAre413WhetherDeclaredOrStreamed() throws Exception {
		String huge = "{\"title\": \"x\", \"description\": \"" + "a".repeat(70_000) + "\"}";
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(huge))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/payload-too-large"));
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(huge)
			.with(request -> {
				request.removeHeader("Content-Length");
				request.addHeader("Transfer-Encoding", "chunked");
				return request;
			})).andExpect(status().isContentTooLarge());
	}

	@Test
	void unknownRoutesAndMethodsHaveProblemTypes() throws Exception {
		mvc.perform(ann.as(get("/api/nothing-here")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/not-found"));
		mvc.perform(ann.as(put("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/method-not-allowed"));
		mvc.perform(ann.as(get("/api/tasks/abc")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(ann.as(get("/api/tasks/1")).header("If-Match", "whatever")).andExpect(status().isNotFound());
	}

	/** Refused as unknown fields are: which of two values the client meant is a guess. */
	@Test
	void aKeyGivenTwiceInABodyIs400NamingIt() throws Exception {
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"a\", \"title\": \"b\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/validation"))
			.andExpect(jsonPath("$.detail").value("title: is given more than once"))
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		mvc.perform(ann.as(post("/api/views")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Twice\", \"filters\": {\"q\": \"a\", \"q\": \"b\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filters.q"))
			.andExpect(jsonPath("$.errors[0].message").value("is given more than once"));
		mvc.perform(ann.as(get("/api/tasks"))).andExpect(jsonPath("$.items.length()").value(0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/audit?limit=1&limit=2", "/api/notifications?limit=5&limit=5",
			"/api/notifications?unread=true&unread=false" })
	void aQueryParameterThatTakesOneValueIsRefusedWhenRepeated(String uri) throws Exception {
		String name = uri.substring(uri.lastIndexOf('&') + 1, uri.lastIndexOf('='));
		mvc.perform(ann.as(get(uri)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(name))
			.andExpect(jsonPath("$.errors[0].message").value("is given 2 times; it takes one value"));
	}

	/** RFC 9110 §15.5.16: a content coding the server does not read is a 415 listing those it does. */
	@Test
	void aCompressedBodyIs415WithTheEncodingsAccepted() throws Exception {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
			gzip.write("{\"title\": \"Compressed\"}".getBytes(StandardCharsets.UTF_8));
		}
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.header("Content-Encoding", "gzip").content(gzipped.toByteArray()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(header().string("Accept-Encoding", "identity"))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/unsupported-media-type"))
			.andExpect(jsonPath("$.detail").value(containsString("Content-Encoding: gzip")));
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.header("Content-Encoding", "identity").content("{\"title\": \"Plain\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void healthIsPublicAndHasProbeGroups() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
	}

	@Test
	void theOpenApiDocumentDescribesTheTaskApiAndSwaggerUiIsServedLocally() throws Exception {
		mvc.perform(ann.as(get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/tasks'].get").exists())
			.andExpect(jsonPath("$.paths['/api/tasks/{id}'].patch").exists());
		mvc.perform(ann.as(get("/swagger-ui/index.html"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("https://"))));
	}

	/** The signed-in user comes from the token or session; a client never sends it. */
	@Test
	void theOpenApiDocumentListsNoParameterForTheSignedInUser() throws Exception {
		mvc.perform(ann.as(get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/tasks'].get.parameters[*].name", hasItem("q")))
			.andExpect(jsonPath("$.paths.*.*.parameters[?(@.name in ['user', 'credential'])]", empty()))
			.andExpect(jsonPath("$.components.schemas.CurrentUser").doesNotExist())
			.andExpect(jsonPath("$.components.schemas.Credential").doesNotExist());
	}
}
