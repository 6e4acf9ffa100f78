package io.philia.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection, written by hand: a load generator sharing two cores with the server
 * must spend as little CPU per request as it can, which the JDK's asynchronous client does not. It reads
 * bodies sized by Content-Length or chunked, and reconnects when the server closes the connection (Tomcat
 * does every 100 requests by default).
 */
final class HttpConnection implements Closeable {

	private final InetSocketAddress address;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	HttpConnection(InetSocketAddress address) {
		this.address = address;
	}

	/** A status and a body. */
	record Response(int status, byte[] body) {

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	/** Sends a complete request (head and body, as {@link Request} builds them) and reads the answer. */
	Response exchange(byte[] request) throws IOException {
		for (int attempt = 1;; attempt++) {
			boolean fresh = socket == null;
			if (fresh) {
				connect();
			}
			try {
				out.write(request);
				out.flush();
				return read();
			}
			catch (IOException e) {
				close();
				// A kept-alive connection the server had just closed fails once; a fresh one is an error.
				if (fresh || attempt == 2) {
					throw e;
				}
			}
		}
	}

	private void connect() throws IOException {
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(120_000);
		socket.connect(address, 5_000);
		in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
	}

	private Response read() throws IOException {
		String statusLine = line();
		if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP answer: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.equalsIgnoreCase("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				closing = value.equalsIgnoreCase("close");
			}
		}
		byte[] body = chunked ? chunks() : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
		if (closing || !chunked && length < 0) {
			close();
		}
		return new Response(status, body);
	}

	private byte[] chunks() throws IOException {
		var body = new ByteArrayOutputStream();
		while (true) {
			String size = line();
			int semicolon = size.indexOf(';');
			int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
			if (n == 0) {
				while (!line().isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(n));
			line();
		}
	}

	private String line() throws IOException {
		var line = new StringBuilder(64);
		while (true) {
			int b = in.read();
			if (b < 0) {
				throw new EOFException("the server closed the connection");
			}
			if (b == '\n') {
				int end = line.length();
				return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
			}
			line.append((char) b);
		}
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
			socket = null;
		}
	}
}
