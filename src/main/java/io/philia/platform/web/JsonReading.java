package io.philia.platform.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the application reads JSON, request bodies and the filters' fast paths alike: a name given twice in
 * one object is refused (not "the last one wins": {@code "type"} twice once cancelled an order that was
 * paid), and so is text the database could not store. Request bodies read by the controllers must name
 * known fields only ({@link KnownFieldsOnly}).
 */
@Configuration(proxyBeanMethods = false)
public class JsonReading {

	/** The same settings on any builder: the application's mapper, and a benchmark that measures its reads. */
	public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).addModule(new StorableTextModule());
	}

	@Bean
	JsonMapperBuilderCustomizer strictAndStorableReads() {
		return JsonReading::configure;
	}

	/**
	 * In the JSON converter's own place, after Boot's customizer has put its one there: a converter bean would
	 * go before the String converter, and a controller's String answer (the OpenAPI document) would be
	 * written as a JSON string.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer knownFieldsOnly(JsonMapper json) {
		return converters -> converters.withJsonConverter(new KnownFieldsOnly(json));
	}
}
