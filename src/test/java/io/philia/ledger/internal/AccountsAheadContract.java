package io.philia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.member.MemberIdentity;
import io.philia.member.NamedMember;
import io.philia.platform.BatchReads;
import io.philia.platform.Transactions;
import io.philia.support.HttpTest;

/**
 * A micro-batch locks the balances of the members its events name at its start (after the members are read
 * ahead): the rows are then the batch's until it commits, exactly as the lock each event took before, and
 * each event's lock gives the row as it stands, the batch's own changes included.
 */
abstract class AccountsAheadContract extends HttpTest {

	@Autowired
	ObjectProvider<BatchReads> reads;

	@Autowired
	AccountStore accounts;

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theBatchHoldsItsRepeatCustomersBalancesFromItsStart() throws Exception {
		var shop = newShop();
		String anne = paid(shop, "A", "1");
		String ben = paid(shop, "B", "2");
		CompletableFuture<Integer> elsewhere = new CompletableFuture<>();

		List<Long> seen = transactions.inTransaction(() -> {
			readAhead(shop.programId(), "A", "B", "N");
			// Another transaction wanting Anne's balance waits for this one, as it would for an event's lock.
			Thread.ofPlatform().start(() -> {
				try {
					elsewhere.complete(transactions.inTransaction(() -> jdbc
						.sql("update member_balance set available = available + 1 where program_id = ? and member_id = ?")
						.params(shop.programId(), anne)
						.update()));
				}
				catch (RuntimeException e) {
					elsewhere.completeExceptionally(e);
				}
			});
			sleep(300);
			assertThat(elsewhere).as("blocked by the batch's lock").isNotDone();
			MemberAccount first = accounts.lock(shop.programId(), anne);
			first.available += 50;
			first.dirty = true;
			accounts.update(List.of(first), (sql, rows) -> rows.forEach(row -> jdbc.sql(sql).params(row).update()));
			return List.of(accounts.lock(shop.programId(), anne).available, accounts.lock(shop.programId(), ben).available);
		});

		assertThat(seen).as("locked ahead, then as the batch changed them").containsExactly(150L, 100L);
		assertThat(elsewhere.get(10, TimeUnit.SECONDS)).as("went on once the batch committed").isEqualTo(1);
		assertThat(available(shop.programId(), anne)).isEqualTo(151);
		assertThat(available(shop.programId(), ben)).isEqualTo(100);
	}

	@Test
	void aPaidOrderOfARepeatCustomerInABatchEarnsOnTheBalanceItHad() {
		var shop = newShop();
		String anne = paid(shop, "A", "1");

		var results = shop.api().post("/api/v1/events:batch", """
				{"events":[
				  {"idempotencyKey":"p2","event":%s},
				  {"idempotencyKey":"p3","event":%s}]}""".formatted(order("A", "2"), order("A", "3")))
			.expect(200).body();

		assertThat(results.at("/accepted").asInt()).isEqualTo(2);
		assertThat(results.at("/results/1/result/balance/available").asLong()).isEqualTo(300);
		assertThat(available(shop.programId(), anne)).isEqualTo(300);
	}

	private String paid(Shop shop, String customer, String orderId) {
		return shop.api().event("paid-" + orderId, order(customer, orderId)).expect(201).body().at("/member/id").asString();
	}

	/** A paid order of 150.00 EUR: 100 points at the test store's rate. */
	private static String order(String customer, String orderId) {
		return """
				{"type":"order.paid","member":{"externalId":"%s"},
				 "order":{"id":"%s","currency":"EUR","total":"150.00","lines":[{"sku":"A","quantity":1,"unitPrice":"150.00"}]}}"""
			.formatted(customer, orderId);
	}

	private void readAhead(String programId, String... externalIds) {
		List<Object> hints = List.of(externalIds).stream()
			.<Object>map(x -> new NamedMember(programId, new MemberIdentity(x, null, null, null, null)))
			.toList();
		reads.orderedStream().forEach(read -> read.readAhead(hints));
	}

	private long available(String programId, String memberId) {
		return jdbc.sql("select available from member_balance where program_id = ? and member_id = ?")
			.params(programId, memberId)
			.query(Long.class)
			.single();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
