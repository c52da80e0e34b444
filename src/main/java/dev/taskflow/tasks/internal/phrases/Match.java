package dev.taskflow.tasks.internal.phrases;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import dev.taskflow.tasks.RecognisedPart.Kind;

/** A phrase found at words {@code from} (inclusive) to {@code to} (exclusive), with what it means. */
record Match(Kind kind, int from, int to, Object value) {

	int length() {
		return to - from;
	}

	Match from(int newFrom) {
		return new Match(kind, newFrom, to, value);
	}

	/** A day; {@code defaultTime} is what "tonight" or "tomorrow morning" mean when no time is given. */
	record OnDate(LocalDate date, LocalTime defaultTime, boolean evening) {
	}

	/** A time of day; {@code meridiem} says whether am/pm was written (so "tonight at 9" can be 21:00). */
	record AtTime(LocalTime time, boolean meridiem) {
	}

	/** An exact moment ("in 2 hours", an ISO date-time). */
	record AtMoment(OffsetDateTime moment) {
	}

	/**
	 * A reminder some time before the due date, at a time of day ({@code on} a day, or else on the due
	 * date), or at an exact moment ("remind me in 2 hours").
	 */
	record RemindWhen(Duration before, LocalTime at, LocalDate on, OffsetDateTime moment) {

		static RemindWhen before(Duration before) {
			return new RemindWhen(before, null, null, null);
		}
	}

	/**
	 * A leading "remind me to …": the rest of the line is the task, and it asks for a reminder at the due
	 * time unless the line gives a reminder of its own (as the assistant reads it).
	 */
	record RemindAtDue() {
	}

	/** A daily/weekly/monthly/yearly word: only a repeat where it does not describe the next word ("Weekly review"). */
	record RepeatWord(Repeat repeat) {
	}
}
