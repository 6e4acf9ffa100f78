package io.philia.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * The HTTP load driver: virtual threads, one keep-alive connection each, latencies in HdrHistogram.
 * <ul>
 * <li>Closed loop: C clients, each sending its next request as soon as the previous answer came. It finds
 * the highest rate the server sustains; its latencies are those of a saturated server.</li>
 * <li>Open loop: requests are due at a fixed rate whatever the server does, and each latency runs from
 * the moment its request was due, not from when a free connection sent it. A server that stalls then
 * shows its queue in the percentiles (no coordinated omission), as a shop's customers would feel it.</li>
 * </ul>
 * Both run a warm-up whose requests are sent but not counted.
 */
public final class HttpLoad {

	/** The requests of a run, by sequence number (0, 1, 2…); called from many threads at once. */
	public interface Requests {

		byte[] request(long sequence);
	}

	private final InetSocketAddress address;

	public HttpLoad(String host, int port) {
		this.address = new InetSocketAddress(host, port);
	}

	public LoadResult closedLoop(int clients, Duration warmUp, Duration measure, Requests requests)
			throws InterruptedException {
		long start = System.nanoTime();
		long counted = start + warmUp.toNanos();
		long end = counted + measure.toNanos();
		var sequence = new AtomicLong();
		return run(clients, counted, end, (worker, connection) -> {
			while (true) {
				long sent = System.nanoTime();
				if (sent >= end) {
					return;
				}
				var response = connection.exchange(requests.request(sequence.getAndIncrement()));
				worker.record(sent, System.nanoTime(), response);
			}
		});
	}

	/** Sends exactly {@code count} requests from C clients (setting data up), all of them counted. */
	public LoadResult send(int clients, long count, Requests requests) throws InterruptedException {
		long start = System.nanoTime();
		var sequence = new AtomicLong();
		var result = run(clients, start, Long.MAX_VALUE, (worker, connection) -> {
			for (long n = sequence.getAndIncrement(); n < count; n = sequence.getAndIncrement()) {
				long sent = System.nanoTime();
				var response = connection.exchange(requests.request(n));
				worker.record(sent, System.nanoTime(), response);
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		return new LoadResult(result.ok(), result.failed(), seconds, result.latency(), result.statuses(),
				result.broken(), result.worst(), result.slow());
	}

	/**
	 * @param rate requests per second, due evenly spaced
	 * @param connections how many may be in flight; a request due while all are busy waits, and its latency
	 * counts the wait
	 */
	public LoadResult openLoop(double rate, int connections, Duration warmUp, Duration measure, Requests requests)
			throws InterruptedException {
		long start = System.nanoTime() + 50_000_000;
		long counted = start + warmUp.toNanos();
		long end = counted + measure.toNanos();
		double interval = 1e9 / rate;
		var sequence = new AtomicLong();
		return run(connections, counted, end, (worker, connection) -> {
			while (true) {
				long n = sequence.getAndIncrement();
				long due = start + (long) (n * interval);
				if (due >= end) {
					return;
				}
				for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				var response = connection.exchange(requests.request(n));
				worker.record(due, System.nanoTime(), response);
			}
		});
	}

	private interface Loop {

		void run(Worker worker, HttpConnection connection) throws IOException;
	}

	/** One client's counts, merged at the end: no shared histogram on the hot path. */
	private static final class Worker {

		final Histogram latency = new Histogram(Duration.ofMinutes(2).toNanos() / 1000, 3);

		final long counted;

		final long end;

		final ConcurrentHashMap<Integer, LongAdder> statuses;

		/** Per window of the counted time, by due (or send) time: the worst latency and how many were slow. */
		final long[] worst;

		final long[] slow;

		long ok;

		long failed;

		Worker(long counted, long end, ConcurrentHashMap<Integer, LongAdder> statuses) {
			this.counted = counted;
			this.end = end;
			this.statuses = statuses;
			int windows = end == Long.MAX_VALUE ? 0 : (int) ((end - counted) / LoadResult.WINDOW_NANOS) + 1;
			this.worst = new long[windows];
			this.slow = new long[windows];
		}

		void record(long from, long to, HttpConnection.Response response) {
			if (from < counted || from >= end) {
				return;
			}
			long micros = Math.max((to - from) / 1000, 1);
			latency.recordValue(micros);
			if (worst.length > 0) {
				int window = (int) ((from - counted) / LoadResult.WINDOW_NANOS);
				worst[window] = Math.max(worst[window], micros);
				slow[window] += micros > LoadResult.SLOW_MICROS ? 1 : 0;
			}
			statuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
			if (response.status() < 300) {
				ok++;
			}
			else {
				failed++;
			}
		}
	}

	private LoadResult run(int clients, long counted, long end, Loop loop) throws InterruptedException {
		var statuses = new ConcurrentHashMap<Integer, LongAdder>();
		var errors = new ConcurrentHashMap<String, LongAdder>();
		List<Worker> workers = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			var worker = new Worker(counted, end, statuses);
			workers.add(worker);
			threads.add(Thread.ofVirtual().name("load-", i).start(() -> {
				try (var connection = new HttpConnection(address)) {
					loop.run(worker, connection);
				}
				catch (IOException | RuntimeException e) {
					errors.computeIfAbsent(e.toString(), m -> new LongAdder()).increment();
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		var latency = new Histogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
		long ok = 0;
		long failed = 0;
		long[] worst = workers.isEmpty() ? new long[0] : new long[workers.get(0).worst.length];
		long[] slow = new long[worst.length];
		for (Worker worker : workers) {
			latency.add(worker.latency);
			ok += worker.ok;
			failed += worker.failed;
			for (int i = 0; i < worst.length; i++) {
				worst[i] = Math.max(worst[i], worker.worst[i]);
				slow[i] += worker.slow[i];
			}
		}
		double seconds = end == Long.MAX_VALUE ? 1 : (end - counted) / 1e9;
		var byStatus = new java.util.TreeMap<Integer, Long>();
		statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
		var broken = new java.util.TreeMap<String, Long>();
		errors.forEach((error, count) -> broken.put(error, count.sum()));
		return new LoadResult(ok, failed, seconds, latency, byStatus, broken, worst, slow);
	}
}
