package dev.taskflow.assistant;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat panel is on the signed-in pages (its own fragment, script and style), not on the sign-in page. */
@TaskFlowTest
class ChatPanelPageTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theTaskPagesCarryTheChatPanelAndItsOwnScript() {
		Browser browser = Browser.signedUp(mvc);
		assertThat(browser.page("/tasks")).contains("id=\"chat-panel\"")
			.contains("data-chat-form")
			.containsPattern("/js/chat-[0-9a-f]{32}\\.js")
			.containsPattern("/css/chat-[0-9a-f]{32}\\.css");
		assertThat(Browser.open(mvc).page("/login")).doesNotContain("id=\"chat-panel\"");
	}
}
