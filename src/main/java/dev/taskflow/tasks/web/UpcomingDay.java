package dev.taskflow.tasks.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.taskflow.platform.DisplayTime;
import dev.taskflow.tasks.Task;

/**
 * One day of the Upcoming view: its heading and the tasks due that day, in the reader's zone. Every
 * day of the span is listed, empty ones too, so the week can be planned at a glance.
 *
 * @param relative "Today", "Tomorrow" or the weekday and date
 * @param date the date written out, e.g. "Sat 28 Nov"; null when {@code relative} already says it
 */
record UpcomingDay(String relative, String date, String isoDate, List<TaskRow> tasks) {

	static List<UpcomingDay> group(List<Task> tasks, ZoneId zone, LocalDate today, int days,
			Function<Task, TaskRow> row) {
		Map<LocalDate, List<TaskRow>> byDay = new LinkedHashMap<>();
		for (int i = 0; i < days; i++) {
			byDay.put(today.plusDays(i), new ArrayList<>());
		}
		for (Task task : tasks) {
			if (task.due() == null) {
				continue;
			}
			LocalDate day = task.due().allDay() ? task.due().date()
					: task.due().dateTime().atZoneSameInstant(zone).toLocalDate();
			List<TaskRow> rows = byDay.get(day);
			if (rows != null) {
				rows.add(row.apply(task));
			}
		}
		return byDay.entrySet().stream().map(day -> {
			String relative = DisplayTime.day(day.getKey(), today);
			String date = DisplayTime.date(day.getKey(), today);
			return new UpcomingDay(relative, relative.equals(date) ? null : date, day.getKey().toString(),
					List.copyOf(day.getValue()));
		}).toList();
	}
}
