package io.philia.platform.jdbc;

import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * With {@code philia.jdbc.count-statements=true} (off by default; the ingest bench sets it), the
 * application's data source counts statements and commits, published as the metrics
 * {@code philia.jdbc.statements} and {@code philia.jdbc.commits} (Prometheus:
 * {@code philia_jdbc_statements_total}, {@code philia_jdbc_commits_total}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "philia.jdbc.count-statements", havingValue = "true")
class StatementCounting {

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
						? new CountingDataSource(dataSource) : bean;
			}
		};
	}

	@Bean
	MeterBinder statementCounters(DataSource dataSource) {
		return meters -> {
			if (dataSource instanceof CountingDataSource counting) {
				FunctionCounter.builder("philia.jdbc.statements", counting.statements, LongAdder::sum)
					.description("Statements and JDBC batches sent to the database")
					.register(meters);
				FunctionCounter.builder("philia.jdbc.commits", counting.commits, LongAdder::sum)
					.description("Transactions committed")
					.register(meters);
			}
		};
	}
}
