package io.philia.program.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.philia.platform.PhiliaException;
import io.philia.platform.PlatformProblems;
import io.philia.program.StoreContext;

/** Lets any controller take the calling store as a {@link StoreContext} parameter. */
@Configuration(proxyBeanMethods = false)
class StoreContextArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	static {
		// Resolved from the API key, never sent by the caller: the OpenAPI document must not show it as the
		// request body (springdoc otherwise takes it for the body of every store endpoint).
		org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(StoreContext.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == StoreContext.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Object context = request.getAttribute(ApiKeyAuthentication.STORE_CONTEXT, RequestAttributes.SCOPE_REQUEST);
		if (context == null) {
			throw new PhiliaException(PlatformProblems.UNAUTHENTICATED, "This endpoint needs a store API key");
		}
		return context;
	}
}
