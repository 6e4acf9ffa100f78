package io.philia.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the HTTP edge.
 *
 * @param maxBodyBytes the largest request body accepted, in bytes; larger bodies get a 413
 * @param maxBatchBodyBytes the same for batches ({@code /…:batch}, such as 1000 events of 10 lines)
 */
@ConfigurationProperties("philia.http")
record PlatformSettings(Long maxBodyBytes, Long maxBatchBodyBytes) {

	PlatformSettings {
		if (maxBodyBytes == null) {
			maxBodyBytes = 1024L * 1024;
		}
		if (maxBatchBodyBytes == null) {
			maxBatchBodyBytes = 16L * 1024 * 1024;
		}
	}
}
