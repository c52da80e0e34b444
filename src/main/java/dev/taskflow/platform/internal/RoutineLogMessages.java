package dev.taskflow.platform.internal;

import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.taskflow.platform.RoutineLogMessage;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Library messages that report routine silence at INFO, shown only when their logger is at DEBUG. The
 * staleness check of Spring Modulith's publication registry says "No stale publications …" for every
 * status it watches, several times a minute; the same logger's other INFO lines (stale publications
 * marked failed, publications resubmitted) still matter, so the logger's level stays as it is. Modules
 * add their own as {@link RoutineLogMessage} beans.
 */
@Component
class RoutineLogMessages extends TurboFilter implements DisposableBean {

	private static final RoutineLogMessage STALENESS_CHECK = RoutineLogMessage.startingWith(
			"org.springframework.modulith.events.core.DefaultEventPublicationRegistry", "No stale publications");

	private final List<RoutineLogMessage> routine;

	private final LoggerContext context;

	RoutineLogMessages(List<RoutineLogMessage> contributed) {
		this.routine = Stream.concat(Stream.of(STALENESS_CHECK), contributed.stream()).toList();
		this.context = LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback : null;
		if (context != null) {
			setName("routine-log-messages");
			start();
			context.addTurboFilter(this);
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable t) {
		if (level != Level.INFO || format == null) {
			return FilterReply.NEUTRAL;
		}
		for (RoutineLogMessage message : routine) {
			if (message.matches(logger.getName(), format, params)) {
				return logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO) ? FilterReply.DENY : FilterReply.NEUTRAL;
			}
		}
		return FilterReply.NEUTRAL;
	}

	@Override
	public void destroy() {
		if (context != null) {
			context.getTurboFilterList().remove(this);
		}
	}
}
