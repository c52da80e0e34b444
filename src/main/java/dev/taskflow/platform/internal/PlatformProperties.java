package dev.taskflow.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody the largest API request body accepted; larger ones get 413
 */
@ConfigurationProperties("taskflow.api")
record PlatformProperties(DataSize maxRequestBody) {

	PlatformProperties {
		if (maxRequestBody == null) {
			maxRequestBody = DataSize.ofKilobytes(64);
		}
		if (maxRequestBody.toBytes() < 1024) {
			throw new IllegalArgumentException("taskflow.api.max-request-body must be at least 1KB, was " + maxRequestBody);
		}
	}
}
