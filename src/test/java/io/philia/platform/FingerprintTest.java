package io.philia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.philia.event.EventRequest;
import io.philia.event.EventRequest.LineData;
import io.philia.event.EventRequest.MemberData;
import io.philia.event.EventRequest.OrderData;
import io.philia.event.EventRequest.RefundData;
import io.philia.event.EventRequest.RefundLine;
import io.philia.member.NewMember;
import io.philia.member.NewMember.ConsentInput;
import io.philia.support.HttpTest;
import io.philia.support.OnH2;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's fingerprint is written in one pass; it must stay the one stored before (the request as a
 * tree, its keys sorted), or a retry sent across an upgrade would be refused as another body. Checked on
 * thousands of seeded random requests of the shapes the API receives, with the application's own mapper.
 */
@OnH2
class FingerprintTest extends HttpTest {

	@Autowired
	Idempotency idempotency;

	@Test
	void theFingerprintOfARequestIsTheOneStoredBeforeItWasWrittenInOnePass() throws Exception {
		for (long seed = 0; seed < 3000; seed++) {
			var random = new Random(seed);
			Object request = switch (random.nextInt(4)) {
				case 0 -> event(random);
				case 1 -> new Object[] { text(random), event(random) };
				case 2 -> member(random);
				default -> tree(random, 3);
			};

			assertThat(idempotency.fingerprint(request)).as("seed %d: %s", seed, json.writeValueAsString(request))
				.isEqualTo(asBefore(request));
		}
	}

	/** The fingerprint as it was computed before: the request as a tree, keys sorted into maps, written. */
	private String asBefore(Object request) throws Exception {
		Object canonical = sorted(json.valueToTree(request));
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest);
	}

	private static Object sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> sorted = new TreeMap<>();
			node.properties().forEach(e -> sorted.put(e.getKey(), sorted(e.getValue())));
			return sorted;
		}
		if (node.isArray()) {
			return node.valueStream().map(FingerprintTest::sorted).toList();
		}
		return node;
	}

	private EventRequest event(Random random) {
		var lines = new ArrayList<LineData>();
		for (int i = random.nextInt(4); i > 0; i--) {
			lines.add(new LineData(text(random), text(random), text(random), random.nextBoolean() ? random.nextInt(9) : null,
					text(random)));
		}
		var refundLines = random.nextBoolean() ? null : List.of(new RefundLine(text(random), random.nextInt(3)));
		return new EventRequest(text(random), text(random),
				random.nextBoolean() ? null : new MemberData(text(random), text(random), text(random), text(random), text(random)),
				random.nextBoolean() ? null : new OrderData(text(random), text(random), text(random), random.nextBoolean() ? null : lines),
				random.nextBoolean() ? null : new RefundData(text(random), text(random), refundLines),
				random.nextBoolean() ? null : tree(random, 2));
	}

	private NewMember member(Random random) {
		Map<String, ConsentInput> consents = new LinkedHashMap<>();
		for (int i = random.nextInt(3); i > 0; i--) {
			consents.put(text(random) + i, new ConsentInput(random.nextBoolean() ? null : random.nextBoolean(), text(random)));
		}
		return new NewMember(text(random), text(random), text(random), text(random), text(random), text(random),
				text(random), random.nextBoolean() ? null : consents, random.nextBoolean() ? null : tree(random, 2));
	}

	/** A JSON object with keys in no particular order, nested objects and arrays, every kind of scalar. */
	private JsonNode tree(Random random, int depth) {
		ObjectNode node = json.createObjectNode();
		for (int i = random.nextInt(5); i > 0; i--) {
			String key = List.of("z", "a", "B", "é", "a1", "10", "2", "_", "aa", "Zz").get(random.nextInt(10)) + random.nextInt(3);
			switch (random.nextInt(depth > 0 ? 9 : 7)) {
				case 0 -> node.put(key, text(random));
				case 1 -> node.put(key, random.nextLong());
				case 2 -> node.put(key, random.nextDouble() * 1000);
				case 3 -> node.put(key, new java.math.BigDecimal("12.50"));
				case 4 -> node.put(key, random.nextBoolean());
				case 5 -> node.putNull(key);
				case 6 -> node.put(key, random.nextInt(100));
				case 7 -> node.set(key, tree(random, depth - 1));
				default -> node.putArray(key).add(tree(random, depth - 1)).add(random.nextInt()).add(text(random));
			}
		}
		return node;
	}

	private static String text(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> null;
			case 1 -> "";
			case 2 -> "quote \" back\\slash\ttab";
			case 3 -> "Crème brûlée 🍷 ünïcödé";
			case 4 -> "</script>\u0001";
			default -> Long.toString(random.nextLong(), 36);
		};
	}
}
