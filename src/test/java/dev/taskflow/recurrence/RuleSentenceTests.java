package dev.taskflow.recurrence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a task row and the editor say about a rule. */
class RuleSentenceTests {

	@ParameterizedTest(name = "{0} from {1}")
	@CsvSource(delimiter = '|', textBlock = """
			daily                                  | due        | Every day
			weekdays                               | due        | Every weekday
			monthly                                | due        | Every month
			FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR       | due        | Every weekday
			FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=8 | due    | Every 2 weeks on Mon and Wed, 8 times
			FREQ=WEEKLY;BYDAY=MO,WE,FR             | due        | Every week on Mon, Wed and Fri
			FREQ=MONTHLY;BYDAY=-1FR                | due        | Every month on the last Fri
			FREQ=MONTHLY;BYDAY=2TU                 | due        | Every month on the 2nd Tue
			FREQ=MONTHLY;BYMONTHDAY=1              | due        | Every month on the 1st
			FREQ=MONTHLY;BYMONTHDAY=-1             | due        | Every month on the last day
			FREQ=DAILY;INTERVAL=3                  | completion | Every 3 days, counted from completion
			FREQ=YEARLY;UNTIL=20301224             | due        | Every year, until 24 Dec 2030
			FREQ=HOURLY;INTERVAL=12;COUNT=1        | due        | Every 12 hours, 1 time
			""")
	void aRuleReadsAsASentence(String rule, String from, String sentence) {
		Recurrence recurrence = new Recurrence(rule, Recurrence.From.parse(from).orElseThrow());

		assertThat(recurrence.sentence()).isEqualTo(sentence);
	}
}
