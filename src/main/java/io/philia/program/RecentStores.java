package io.philia.program;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.philia.platform.Transactions;

/**
 * Stores with their programme's terms as read recently: every event needs them, and reading them was one
 * of its statements (issue #3). A change made on this node is seen at once (it forgets the copies it
 * changes); one made on another node once the copy here is {@code recheck} old, as for API keys.
 */
final class RecentStores {

	private final Map<String, Recent> stores = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration recheck;

	private record Recent(Store store, Instant at) {
	}

	RecentStores(Clock clock, Duration recheck) {
		this.clock = clock;
		this.recheck = recheck;
	}

	Store get(String programId, String storeId, Supplier<Store> read) {
		String key = programId + "/" + storeId;
		Instant now = clock.instant();
		Recent recent = stores.get(key);
		if (recent == null || !now.isBefore(recent.at().plus(recheck))) {
			// Only stores that exist are kept (read throws otherwise): unknown ids cannot fill the memory.
			recent = new Recent(read.get(), now);
			stores.put(key, recent);
		}
		return recent.store();
	}

	/** The programme's terms or one of its stores changed: its copies are read again. */
	void forget(String programId) {
		Transactions.nowAndAtTheEnd(() -> drop(programId));
	}

	private void drop(String programId) {
		stores.keySet().removeIf(key -> key.startsWith(programId + "/"));
	}
}
