package io.philia.platform.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.philia.platform.PlatformProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses bodies over the limit (1 MiB by default; batches of events have their own, larger limit) before
 * they are parsed: by Content-Length when it is sent, and by counting bytes when the body is chunked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit extends OncePerRequestFilter {

	private final long limit;

	private final long batchLimit;

	private final ProblemWriter problems;

	BodySizeLimit(PlatformSettings settings, ProblemWriter problems) {
		this.limit = settings.maxBodyBytes();
		this.batchLimit = settings.maxBatchBodyBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = request.getRequestURI().endsWith(":batch") ? batchLimit : this.limit;
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			problems.write(request, response, PlatformProblems.PAYLOAD_TOO_LARGE,
					"The body is " + declared + " bytes; the limit is " + limit + " bytes");
			return;
		}
		chain.doFilter(declared < 0 && mayHaveBody(request) ? new Limited(request, limit) : request, response);
	}

	/**
	 * Without Content-Length, an HTTP/1 request has a body only if it is chunked (RFC 9112, 6.3): the reads a
	 * shop makes on every page need no counting wrapper.
	 */
	private static boolean mayHaveBody(HttpServletRequest request) {
		return !request.getProtocol().startsWith("HTTP/1.") || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counting(super.getInputStream(), limit);
			}
			return stream;
		}
	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		Counting(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLarge {
			read += n;
			if (read > limit) {
				throw new PayloadTooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
