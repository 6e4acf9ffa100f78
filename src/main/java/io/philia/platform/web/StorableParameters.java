package io.philia.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.philia.platform.Violations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A query parameter holding U+0000 ({@code %00}) is refused before a controller reads it, as a body's text
 * is ({@link StorableText}): PostgreSQL cannot take it and H2 can, so the two would answer differently. The
 * raw query string is looked at first, so that other requests pay one search of it.
 */
@Configuration(proxyBeanMethods = false)
class StorableParameters implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String query = request.getQueryString();
				if (query != null && query.contains("%00")) {
					refuseUnstorable(request);
				}
				return true;
			}
		});
	}

	private static void refuseUnstorable(HttpServletRequest request) {
		var v = new Violations();
		request.getParameterMap().forEach((name, values) -> {
			for (String value : values) {
				String fault = StorableText.fault(name + value);
				if (fault != null) {
					v.add(name, fault);
					return;
				}
			}
		});
		v.throwIfAny();
	}
}
