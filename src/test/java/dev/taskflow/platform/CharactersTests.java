package dev.taskflow.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CharactersTests {

	private static final String MILK = "🥛";

	@Test
	void anEmojiOrALetterOutsideTheBasicPlaneIsOneCharacter() {
		assertThat(MILK.length()).isEqualTo(2);
		assertThat(Characters.count(MILK)).isEqualTo(1);
		assertThat(Characters.count("𠮷野家")).isEqualTo(3);
		assertThat(Characters.count("Cafe\u0301")).as("a combining accent is a character of its own").isEqualTo(5);
		assertThat(Characters.count("")).isZero();
	}

	@Test
	void cuttingKeepsWholeCharactersNeverHalfASurrogatePair() {
		assertThat(Characters.cut("a" + MILK.repeat(3), 2)).isEqualTo("a" + MILK);
		assertThat(Characters.cut(MILK.repeat(3), 3)).isEqualTo(MILK.repeat(3));
		assertThat(Characters.cut(MILK.repeat(100), 79)).isEqualTo(MILK.repeat(79));
		assertThat(Characters.cut("short", 80)).isEqualTo("short");
		assertThat(Characters.cut("abc", 0)).isEmpty();
	}
}
