/**
 * Scheduled jobs that run once across all nodes (db-scheduler on the application's database). Modules
 * declare their jobs as {@code Task} beans.
 */
package io.philia.platform.scheduling;
