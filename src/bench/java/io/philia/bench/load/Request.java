package io.philia.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A request as bytes on the wire, built once before a run so that the run measures the server. */
public final class Request {

	private Request() {
	}

	public static byte[] get(String path, Map<String, String> headers) {
		return build("GET", path, headers, null);
	}

	public static byte[] post(String path, Map<String, String> headers, String json) {
		return build("POST", path, headers, json.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] build(String method, String path, Map<String, String> headers, byte[] body) {
		var head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		var bytes = new ByteArrayOutputStream(head.length() + (body == null ? 0 : body.length));
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		if (body != null) {
			bytes.writeBytes(body);
		}
		return bytes.toByteArray();
	}
}
