package io.philia.reward.internal;

import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import io.philia.reward.CouponCode;

/**
 * Writes a campaign's unique codes in bulk, in the caller's transaction: on PostgreSQL by COPY into a
 * temporary table and one insert from it, elsewhere (H2) by JDBC batches. A code the programme already
 * has is skipped by the insert (60 random bits make that rare), and as many new ones are drawn again, so
 * the campaign always gets exactly the number asked for.
 */
@Component
public class BulkCodes {

	/** Codes drawn and written at once: a million (17 MB of COPY text) on PostgreSQL, fewer in batches. */
	private static final int COPY_CHUNK = 1_000_000;

	private static final int BATCH_CHUNK = 100_000;

	private final DataSource dataSource;

	private final SecureRandom random = new SecureRandom();

	BulkCodes(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Adds {@code count} new codes to the campaign and returns how many were added (always count). */
	public long generate(String programId, String campaignId, String prefix, Long maxUses, long count) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			boolean postgres = connection.isWrapperFor(PGConnection.class);
			long added = 0;
			while (added < count) {
				String[] codes = draw(prefix, (int) Math.min(postgres ? COPY_CHUNK : BATCH_CHUNK, count - added));
				added += postgres ? copy(connection, programId, campaignId, maxUses, codes)
						: batch(connection, programId, campaignId, maxUses, codes);
			}
			return added;
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("Could not write the campaign's codes: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** New codes from one read of the generator: 8 random bytes, of which 60 bits are used, per code. */
	private String[] draw(String prefix, int count) {
		byte[] bytes = new byte[count * 8];
		random.nextBytes(bytes);
		var longs = java.nio.ByteBuffer.wrap(bytes).asLongBuffer();
		String[] codes = new String[count];
		for (int i = 0; i < count; i++) {
			codes[i] = CouponCode.fromBits(prefix, longs.get(i)).value();
		}
		return codes;
	}

	/**
	 * COPY, then one insert in code order: the primary key's pages are then filled one after the other
	 * rather than at random, which is most of the time a million random keys would take.
	 */
	private static long copy(Connection connection, String programId, String campaignId, Long maxUses, String[] codes)
			throws SQLException, IOException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table if not exists coupon_load (code varchar(60)) on commit drop");
			statement.execute("truncate coupon_load");
		}
		var text = new StringBuilder(codes.length * 17);
		for (String code : codes) {
			text.append(code).append('\n');
		}
		connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy coupon_load (code) from stdin", new StringReader(text.toString()));
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into coupon (program_id, code, campaign_id, member_id, max_uses, uses, valid_from, valid_until, revoked)
				select ?, code, ?, null, ?, 0, null, null, false from coupon_load order by code
				on conflict do nothing""")) {
			insert.setString(1, programId);
			insert.setString(2, campaignId);
			insert.setObject(3, maxUses, java.sql.Types.BIGINT);
			return insert.executeUpdate();
		}
	}

	private static long batch(Connection connection, String programId, String campaignId, Long maxUses, String[] codes)
			throws SQLException {
		long added = 0;
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into coupon (program_id, code, campaign_id, member_id, max_uses, uses, valid_from, valid_until, revoked)
				values (?, ?, ?, null, ?, 0, null, null, false) on conflict do nothing""")) {
			for (int i = 0; i < codes.length; i++) {
				insert.setString(1, programId);
				insert.setString(2, codes[i]);
				insert.setString(3, campaignId);
				insert.setObject(4, maxUses, java.sql.Types.BIGINT);
				insert.addBatch();
				if (i % 10_000 == 9_999 || i == codes.length - 1) {
					for (int n : insert.executeBatch()) {
						added += n > 0 ? n : 0;
					}
				}
			}
		}
		return added;
	}
}
