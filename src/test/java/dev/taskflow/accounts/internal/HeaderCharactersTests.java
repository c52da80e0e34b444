package dev.taskflow.accounts.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header checks without a regular expression decide exactly as Spring's own. */
class HeaderCharactersTests {

	@Property(tries = 5000)
	void namesAreJudgedAsSpringJudgesThem(@ForAll("text") String name) {
		assertThat(HeaderCharacters.isAllowedName(name)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(name));
	}

	@Property(tries = 5000)
	void valuesAreJudgedAsSpringJudgesThem(@ForAll("text") String value) {
		assertThat(HeaderCharacters.isAllowedValue(value))
			.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
	}

	@Example
	void controlCharactersAndUnassignedCodePointsAreRefusedAndTabsOnlyInValues() {
		assertThat(HeaderCharacters.isAllowedValue("Bearer tf_abc\tdef")).isTrue();
		assertThat(HeaderCharacters.isAllowedName("X-Tab\tName")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("bell\u0007")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("next\u0085line")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("unassigned\u0378")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("smile \uD83D\uDE00, café")).isTrue();
		assertThat(HeaderCharacters.isAllowedValue("lone \uD83D surrogate")).isTrue();
		assertThat(HeaderCharacters.isAllowedValue("")).isTrue();
	}

	/** Mostly printable ASCII, with control characters, tabs, surrogates (paired or not) and unassigned code points mixed in. */
	@Provide
	Arbitrary<String> text() {
		Arbitrary<Character> odd = Arbitraries.of('\t', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0',
				'\u0378', '\uD83D', '\uDE00', '\uFFFF', '\uFFFE', '\u2028', 'é');
		Arbitrary<Character> any = Arbitraries.chars().all();
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.chars().range(' ', '~')),
				Tuple.of(2, odd), Tuple.of(2, any))
			.list()
			.ofMaxSize(12)
			.map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
	}
}
