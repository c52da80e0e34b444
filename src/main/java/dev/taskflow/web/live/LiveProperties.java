package dev.taskflow.web.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open and dead
 * connections are noticed
 * @param streamTimeout how long one stream lives before the browser reconnects (it does so by itself)
 * @param maxStreamsPerUser open streams (tabs, devices) per user; opening one more closes the oldest
 * @param maxStreamsPerAddress open streams from one client address (all its users together); one more
 * is refused with 429, so one machine cannot take every connection by signing up many accounts
 * @param maxStreams open streams in this process; one more is refused with 503
 * @param maxEventAge older events are not pushed: a replica that joins (or a consumer group that
 * starts from the oldest retained event) must not pop up yesterday's notifications
 */
@ConfigurationProperties("taskflow.live")
public record LiveProperties(Duration heartbeat, Duration streamTimeout, Integer maxStreamsPerUser,
		Integer maxStreamsPerAddress, Integer maxStreams, Duration maxEventAge) {

	public LiveProperties {
		heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
		streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
		maxStreamsPerUser = maxStreamsPerUser == null ? 10 : maxStreamsPerUser;
		maxStreamsPerAddress = maxStreamsPerAddress == null ? 50 : maxStreamsPerAddress;
		maxStreams = maxStreams == null ? 2000 : maxStreams;
		maxEventAge = maxEventAge == null ? Duration.ofMinutes(5) : maxEventAge;
		if (heartbeat.isNegative() || heartbeat.isZero()) {
			throw new IllegalArgumentException("taskflow.live.heartbeat must be positive");
		}
		if (streamTimeout.compareTo(heartbeat) <= 0) {
			throw new IllegalArgumentException("taskflow.live.stream-timeout must be longer than the heartbeat");
		}
		if (maxEventAge.isNegative() || maxEventAge.isZero()) {
			throw new IllegalArgumentException("taskflow.live.max-event-age must be positive");
		}
		if (maxStreamsPerUser < 1 || maxStreamsPerAddress < 1 || maxStreams < 1) {
			throw new IllegalArgumentException(
					"taskflow.live.max-streams-per-user, max-streams-per-address and max-streams must be at least 1");
		}
	}
}
