package io.philia.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 that a test can cut and restore, to play a database outage without touching
 * the database server.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	public TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
		start();
	}

	public int port() {
		return port;
	}

	public synchronized void start() throws IOException {
		var socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		server = socket;
		Thread.ofVirtual().start(() -> accept(socket));
	}

	/** Cuts every connection and refuses new ones until {@link #start()}. */
	public synchronized void stop() throws IOException {
		server.close();
		for (Socket s : open) {
			s.close();
		}
		open.clear();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket upstream = new Socket(targetHost, targetPort);
				open.add(client);
				open.add(upstream);
				Thread.ofVirtual().start(() -> pump(client, upstream));
				Thread.ofVirtual().start(() -> pump(upstream, client));
			}
			catch (IOException e) {
				// closed by stop(), or the target refused: the client sees its connection fail
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException e) {
			// one side closed
		}
		finally {
			try {
				from.close();
				to.close();
			}
			catch (IOException ignored) {
				// already closed
			}
		}
	}

	@Override
	public void close() throws IOException {
		stop();
	}
}
