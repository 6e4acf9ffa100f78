package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * The members a micro-batch's events name are read at its start, all at once: the events must still find,
 * join and enrol them exactly as one at a time would, seeing what the batch's earlier events wrote. Events
 * of one customer go to one writer, so that those sent in one call share micro-batches.
 */
abstract class MembersInABatchContract extends HttpTest {

	@Test
	void eventsOfOneBatchFindJoinAndEnrolTheirMembersAsOneAtATimeWould() {
		var shop = newShop();
		String byEmailOnly = shop.api().post("/api/v1/members", "{\"email\": \"anne@example.com\"}").expect(201).body()
			.get("id").asString();
		String byId = shop.api().post("/api/v1/members", "{\"externalId\": \"B\"}").expect(201).body().get("id")
			.asString();

		JsonNode first = batch(shop, List.of(
				paid("1", "{\"externalId\":\"A\",\"email\":\"Anne@example.com\"}"),
				paid("2", "{\"externalId\":\"B\"}"),
				paid("3", "{\"externalId\":\"N1\",\"email\":\"n1@example.com\"}"),
				paid("4", "{\"externalId\":\"N1\",\"email\":\"n1@example.com\"}"),
				paid("5", "{\"externalId\":\"A\",\"email\":\"anne@example.com\"}"),
				paid("6", "{\"email\":\"n2@example.com\"}"),
				paid("7", "{\"email\":\"n2@example.com\"}")));
		JsonNode second = batch(shop, List.of(
				paid("8", "{\"externalId\":\"Y\",\"email\":\"anne@example.com\"}"),
				paid("9", "{\"externalId\":\"N2\",\"email\":\"n2@example.com\"}")));

		assertThat(statuses(first)).containsExactly(201, 201, 201, 201, 201, 201, 201);
		assertThat(memberIds(first).subList(0, 2)).containsExactly(byEmailOnly, byId);
		assertThat(memberIds(first).get(4)).as("joined by its externalId").isEqualTo(byEmailOnly);
		assertThat(memberIds(first).get(3)).as("enrolled once").isEqualTo(memberIds(first).get(2));
		assertThat(memberIds(first).get(6)).isEqualTo(memberIds(first).get(5));
		assertThat(first.get("results").valueStream().map(r -> r.at("/result/member/enrolled").asBoolean()))
			.containsExactly(false, false, true, false, false, true, false);
		assertThat(statuses(second)).containsExactly(409, 201);
		assertThat(second.at("/results/0/problem/type").asString())
			.isEqualTo("urn:philia:problem:member-identity-conflict");
		assertThat(second.at("/results/1/result/member/id").asString()).as("the e-mail's member, joined")
			.isEqualTo(memberIds(first).get(5));
		assertThat(shop.api().get("/api/v1/members?externalId=A").body().at("/items/0/id").asString())
			.isEqualTo(byEmailOnly);
		assertThat(points(shop, byEmailOnly)).isEqualTo(20);
		assertThat(points(shop, memberIds(first).get(2))).isEqualTo(20);
		assertThat(points(shop, memberIds(first).get(5))).isEqualTo(30);
		assertThat(shop.api().get("/api/v1/members?limit=100").body().get("items")).as("no twin enrolled").hasSize(4);
	}

	private static String paid(String order, String member) {
		return """
				{"idempotencyKey":"paid-%s","event":{"type":"order.paid","member":%s,
				 "order":{"id":"%s","currency":"EUR","total":"15.00"}}}""".formatted(order, member, order);
	}

	private static JsonNode batch(Shop shop, List<String> events) {
		return shop.api().post("/api/v1/events:batch", "{\"events\":[" + String.join(",", events) + "]}").expect(200)
			.body();
	}

	private static List<Integer> statuses(JsonNode answer) {
		return answer.get("results").valueStream().map(r -> r.get("status").asInt()).toList();
	}

	private static List<String> memberIds(JsonNode answer) {
		return answer.get("results").valueStream().map(r -> r.at("/result/member/id").asString()).toList();
	}

	private static long points(Shop shop, String memberId) {
		return shop.api().get("/api/v1/members/" + memberId + "/points").points("available");
	}
}
