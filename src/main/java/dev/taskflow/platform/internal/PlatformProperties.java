package dev.taskflow.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody the largest API request body accepted; larger ones get 413
 * @param maxImportBody the largest file {@code POST /api/import} accepts (a whole task list, not one task)
 */
@ConfigurationProperties("taskflow.api")
record PlatformProperties(DataSize maxRequestBody, DataSize maxImportBody) {

	/** The one route whose body is a file rather than one resource. */
	static final String IMPORT_PATH = "/api/import";

	PlatformProperties {
		if (maxRequestBody == null) {
			maxRequestBody = DataSize.ofKilobytes(64);
		}
		if (maxImportBody == null) {
			maxImportBody = DataSize.ofMegabytes(2);
		}
		if (maxRequestBody.toBytes() < 1024) {
			throw new IllegalArgumentException("taskflow.api.max-request-body must be at least 1KB, was " + maxRequestBody);
		}
	}
}
