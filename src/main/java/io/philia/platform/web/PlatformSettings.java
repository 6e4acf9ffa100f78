package io.philia.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the HTTP edge.
 *
 * @param maxBodyBytes the largest request body accepted, in bytes; larger bodies get a 413
 */
@ConfigurationProperties("philia.http")
record PlatformSettings(Long maxBodyBytes) {

	PlatformSettings {
		if (maxBodyBytes == null) {
			maxBodyBytes = 1024L * 1024;
		}
	}
}
