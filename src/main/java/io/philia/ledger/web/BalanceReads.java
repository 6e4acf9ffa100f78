package io.philia.ledger.web;

import java.io.IOException;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.philia.ledger.PointsLedger;
import io.philia.ledger.PointsSummary;
import io.philia.platform.Ids;
import io.philia.program.StoreContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a member's balance read ({@code GET /api/v1/members/{id}/points}) of a member with points below
 * the MVC dispatch, after the API key filter: a shop reads a balance on every page, and finding the handler
 * of a templated path among all of the application's mappings, resolving its arguments and negotiating its
 * answer cost more than the read itself (issue #3's profile). The answer is the one {@link PointsController}
 * gives, written by the application's JSON mapper, and the HTTP metrics name the same path pattern.
 * Everything else goes on to {@code PointsController}: a member without points or without a row (404), any
 * other Accept header, any failure (which it then answers as a problem, as always).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class BalanceReads extends OncePerRequestFilter {

	static final String PATTERN = "/api/v1/members/{memberId}/points";

	private static final String PREFIX = "/api/v1/members/";

	private static final String SUFFIX = "/points";

	private final PointsLedger ledger;

	private final ObjectWriter writer;

	BalanceReads(PointsLedger ledger, JsonMapper json) {
		this.ledger = ledger;
		this.writer = json.writerFor(PointsSummary.class);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || memberId(request.getRequestURI()) == null
				|| !acceptsJson(request.getHeader("Accept"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<PointsSummary> summary = Optional.empty();
		if (request.getAttribute(StoreContext.ATTRIBUTE) instanceof StoreContext store) {
			try {
				summary = ledger.summary(store.programId(), memberId(request.getRequestURI()));
			}
			catch (RuntimeException e) {
				// Left to the controller, which reads again and answers the failure as a problem.
				logger.debug("Balance read left to the controller", e);
			}
		}
		if (summary.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATTERN));
		byte[] body = writer.writeValueAsBytes(summary.get());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The member id of a balance read's path, or null if the path is another or the id is not an id. */
	static String memberId(String uri) {
		if (!uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX) || uri.length() <= PREFIX.length() + SUFFIX.length()) {
			return null;
		}
		String id = uri.substring(PREFIX.length(), uri.length() - SUFFIX.length());
		return Ids.isValid(id) ? id : null;
	}

	private static boolean acceptsJson(String accept) {
		return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE);
	}
}
