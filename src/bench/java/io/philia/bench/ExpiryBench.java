package io.philia.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Expiry of a million lots by the scheduled job, on PostgreSQL (issue #4: under 60 s). The lots are
 * written straight into the database (a million earnings through the API would measure ingestion, not
 * expiry), consistent with the ledger: each member has one earning entry with its postings, ten lots
 * adding up to it, a balance equal to both.
 */
public final class ExpiryBench implements Bench {

	static final int LOTS_PER_MEMBER = 10;

	@Override
	public String name() {
		return "expiry";
	}

	@Override
	public String title() {
		return "expiry of 1,000,000 lots on PostgreSQL (target < 60 s)";
	}

	@Override
	public String method() {
		return """
				The application runs in its own JVM in production mode on a fresh PostgreSQL database, with its \
				scheduler on (`ledger-settle` every second). 100,000 members of one programme get one earning \
				entry of 1,000 points each (journal entry, postings, balance) and 10 lots of 100 points past their \
				last day, written by SQL; nothing is due yet. At t0 every member is marked due (one UPDATE); the \
				job, polling on its own, books the expiries (per chunk of 500 members: lots, one expiry entry per \
				member with its postings, balances). `expiry_s` is t0 until no member is due (checked every 200 \
				ms, so it includes the job's wait for its next poll); `lots_per_s` = lots / `expiry_s`. The totals \
				are checked afterwards: every lot closed, every point expired once, one expiry entry per member, \
				balances at zero.""";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		int members = run.quick() ? 10_000 : 100_000;
		for (int i = 0; i < run.runs(); i++) {
			try (var app = BenchApp.postgres(run, "expiry-" + i, "philia.ledger.settle-every=1s",
					"philia.scheduler.polling-interval=1s")) {
				measure(run, app, members);
			}
		}
	}

	private static void measure(BenchRun run, BenchApp app, int members) throws Exception {
		var shop = app.openShop();
		long lots = (long) members * LOTS_PER_MEMBER;
		try (Connection db = app.database().connect()) {
			long seeded = System.nanoTime();
			seed(db, shop.programId(), members);
			run.log("seeded " + members + " members and " + lots + " lots in "
					+ Duration.ofNanos(System.nanoTime() - seeded).toSeconds() + " s");
			long t0 = System.nanoTime();
			update(db, "update member_balance set next_due_at = now() where program_id = ?", shop.programId());
			// Only the due members are counted while the job runs (an index range): counting open lots every
			// 200 ms would load the database the job is measured on.
			while (count(db, "select count(*) from member_balance where program_id = ? and next_due_at is not null",
					shop.programId()) > 0) {
				Thread.sleep(200);
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			long open = count(db, "select count(*) from point_lot where program_id = ? and remaining > 0", shop.programId());
			long expired = count(db, "select coalesce(sum(expired), 0) from point_lot where program_id = ?", shop.programId());
			long entries = count(db, "select count(*) from journal_entry where program_id = ? and kind = 'EXPIRY'",
					shop.programId());
			long left = count(db, "select coalesce(sum(available), 0) from member_balance where program_id = ?",
					shop.programId());
			if (expired != lots * 100 || entries != members || left != 0 || open != 0) {
				throw new IllegalStateException("expiry booked " + expired + " points in " + entries + " entries, "
						+ left + " points and " + open + " lots left; expected " + lots * 100 + " in " + members);
			}
			run.log("expired " + lots + " lots of " + members + " members in " + String.format("%.1f", seconds) + " s");
			run.sample("expiry_s", seconds);
			run.sample("lots_per_s", lots / seconds);
		}
	}

	/** Members, their earning entries and postings, their lots: consistent, past their last day, not due yet. */
	private static void seed(Connection db, String programId, int members) throws SQLException {
		String member = "'b0000000-0000-7000-8000-' || lpad(g::text, 12, '0')";
		String entry = "'e0000000-0000-7000-8000-' || lpad(g::text, 12, '0')";
		update(db, """
				insert into journal_entry (id, program_id, member_id, kind, points, available_after, shortfall,
				  cause_type, cause_ref, created_at, pending_points, pending_after)
				select %s, ?, %s, 'EARN', 1000, 1000, 0, 'order', 'bench-' || g, now() - interval '40 days', 0, 0
				from generate_series(1, %d) g""".formatted(entry, member, members), programId);
		update(db, """
				insert into posting (entry_id, line, program_id, account, member_id, amount)
				select %s, 1, ?, 'MEMBER_AVAILABLE', %s, 1000 from generate_series(1, %d) g
				union all
				select %s, 2, ?, 'PROGRAMME_ISSUED', null, -1000 from generate_series(1, %d) g"""
			.formatted(entry, member, members, entry, members), programId, programId);
		update(db, """
				insert into member_balance (program_id, member_id, available, pending, lifetime_earned, updated_at)
				select ?, %s, 1000, 0, 1000, now() from generate_series(1, %d) g""".formatted(member, members),
				programId);
		update(db, """
				insert into point_lot (program_id, id, member_id, entry_id, points, remaining, pending, earned_at,
				  available_at, expires_at, expires_on, on_inactivity, expired, expiry_entry_id)
				select ?, 'a' || lpad(k::text, 7, '0') || '-0000-7000-8000-' || lpad(g::text, 12, '0'), %s, %s,
				  100, 100, false, now() - interval '40 days', null, now() - interval '1 day', current_date - 2,
				  false, 0, null
				from generate_series(1, %d) g, generate_series(1, %d) k""".formatted(member, entry, members,
				LOTS_PER_MEMBER), programId);
		update(db, "analyze");
	}

	private static void update(Connection db, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			statement.execute();
		}
	}

	private static long count(Connection db, String sql, String programId) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			statement.setString(1, programId);
			try (var rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}
}
