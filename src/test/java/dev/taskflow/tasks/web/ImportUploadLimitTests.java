package dev.taskflow.tasks.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.support.FormBrowser;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file too big to import, over real HTTP as a browser and a script send it: whatever its size, the data
 * page says so in its own words, and the API with a 413 problem. Above the multipart limit (10 MB) Tomcat
 * stops reading the upload before any controller sees it, which MockMvc does not show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:upload-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ImportUploadLimitTests {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String BOUNDARY = "taskflow-test-boundary";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(ints = { 11, 30 })
	void anUploadOfAnySizeAboveTheLimitIsRefusedOnTheDataPageInWords(int megabytes) throws Exception {
		FormBrowser ann = FormBrowser.signedIn(port, TestUsers.signUp(mvc));
		Matcher token = CSRF_INPUT.matcher(ann.get("/account/data").body());
		assertThat(token.find()).isTrue();

		HttpResponse<String> refused = ann.http().send(ann.request("/account/data/import")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(token.group(1), megabytes)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("The file is larger than 2 MB; split it and import the parts one after the other.")
			.contains("enctype=\"multipart/form-data\"");
		assertThat(ann.get("/account/data").statusCode()).as("still signed in").isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(ints = { 11, 30 })
	void theApiRefusesAnImportOfAnySizeAboveTheLimitWithAProblem(int megabytes) throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import"))
			.header("Authorization", "Bearer " + ann.token())
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(csv(megabytes)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private static byte[] multipart(String csrfToken, int megabytes) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken + "\r\n"
				+ "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tasks.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(csv(megabytes));
		body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private static byte[] csv(int megabytes) {
		byte[] rows = new byte[megabytes * 1024 * 1024];
		Arrays.fill(rows, (byte) 'a');
		byte[] header = "title\n".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(header, 0, rows, 0, header.length);
		return rows;
	}
}
