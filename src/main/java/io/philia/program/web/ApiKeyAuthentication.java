package io.philia.program.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.philia.platform.PlatformProblems;
import io.philia.platform.web.ProblemWriter;
import io.philia.program.ApiKeys;
import io.philia.program.ProgramProblems;
import io.philia.program.ProgramSettings;
import io.philia.program.StoreContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every call under {@code /api/v1} carries {@code Authorization: Bearer <key>}: a store API key for the
 * store API, the admin key for {@code /api/v1/admin}. The store's context is put on the request for the
 * controllers; nothing below knows how the caller was recognised.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyAuthentication extends OncePerRequestFilter {

	static final String STORE_CONTEXT = StoreContext.ATTRIBUTE;

	private final ApiKeys keys;

	private final ProgramSettings settings;

	private final ProblemWriter problems;

	ApiKeyAuthentication(ApiKeys keys, ProgramSettings settings, ProblemWriter problems) {
		this.keys = keys;
		this.settings = settings;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = bearer(request);
		if (request.getRequestURI().startsWith("/api/v1/admin/") || request.getRequestURI().equals("/api/v1/admin")) {
			if (!isAdminKey(key)) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				problems.write(request, response, ProgramProblems.ADMIN_KEY_REQUIRED,
						"Send the admin key as 'Authorization: Bearer <key>'");
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		var context = keys.authenticate(key);
		if (context.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			problems.write(request, response, PlatformProblems.UNAUTHENTICATED, key == null
					? "Send your store API key as 'Authorization: Bearer <key>'" : "This API key is unknown or revoked");
			return;
		}
		request.setAttribute(STORE_CONTEXT, context.get());
		chain.doFilter(request, response);
	}

	private boolean isAdminKey(String key) {
		String admin = settings.adminKey();
		// Constant-time comparison: the admin key must not leak through response timing.
		return admin != null && !admin.isBlank() && key != null && MessageDigest
			.isEqual(admin.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String key = header.substring(7).trim();
		return key.isEmpty() ? null : key;
	}
}
