package dev.taskflow.platform;

import dev.taskflow.platform.UserText.Lines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTextTests {

	@Test
	void controlCharactersLoneSurrogatesAndNonCharactersAreRefused() {
		assertThat(UserText.problem("a\u0000b", Lines.MANY)).hasValue("must not contain control characters (U+0000 at position 2)");
		assertThat(UserText.problem("a\u001bb", Lines.MANY)).get().asString().contains("U+001B");
		assertThat(UserText.problem("a\u007fb", Lines.MANY)).get().asString().contains("U+007F");
		assertThat(UserText.problem("a\u0085b", Lines.MANY)).get().asString().contains("control characters (U+0085");
		assertThat(UserText.problem("a\ud800b", Lines.MANY)).get().asString().contains("lone surrogate").contains("(U+D800 at position 2)");
		assertThat(UserText.problem("a\udc00", Lines.MANY)).get().asString().contains("(U+DC00");
		assertThat(UserText.problem("a\ufffe", Lines.MANY)).get().asString().contains("non-characters (U+FFFE");
		assertThat(UserText.problem("a\ufdd0", Lines.MANY)).isPresent();
		assertThat(UserText.problem("\ud83f\udfff", Lines.MANY)).get().asString().contains("U+1FFFF");
	}

	@Test
	void lineBreaksAndTabsBelongOnlyInMultiLineText() {
		for (String text : new String[] { "a\tb", "a\nb", "a\r\nb", "a\u2028b", "a\u2029b" }) {
			assertThat(UserText.problem(text, Lines.ONE)).get().asString().startsWith("must be one line");
		}
		assertThat(UserText.isStorable("a\tb\r\nc", Lines.MANY)).isTrue();
	}

	@Test
	void lettersOfEveryScriptEmojiAndBidiControlsAreStored() {
		assertThat(UserText.isStorable("Straße café 東京 שלום مرحبا 😀 \u202eevil \u2068x\u2069 \u200d", Lines.ONE))
			.isTrue();
		assertThat(UserText.isStorable(null, Lines.ONE)).isTrue();
	}

	@Test
	void blankMeansNothingVisible() {
		for (String blank : new String[] { "", " \t\n", "\u00a0", "\u200b", "\u2060\ufeff", "\u202e\u2066",
				"\u2800", "\u3164", "\u3000", "\ufe0f" }) {
			assertThat(UserText.isBlank(blank)).as(blank.codePoints().mapToObj(Integer::toHexString).toList().toString())
				.isTrue();
		}
		assertThat(UserText.isBlank("\u200bx")).isFalse();
		assertThat(UserText.isBlank("\u0000")).as("refused rather than blank").isFalse();
	}

	@Test
	void loneSurrogatesBecomeTheReplacementCharacterAndPairsStay() {
		assertThat(UserText.withoutLoneSurrogates("a\ud800b\udc00c\ud800")).isEqualTo("a\ufffdb\ufffdc\ufffd");
		String pair = "x\ud83d\ude00y";
		assertThat(UserText.withoutLoneSurrogates(pair)).isSameAs(pair);
	}

	@Test
	void anIsolatedTextSitsBetweenFirstStrongIsolateAndPopDirectionalIsolate() {
		assertThat(UserText.isolated("\u202eevil")).isEqualTo("\u2068\u202eevil\u2069");
	}
}
