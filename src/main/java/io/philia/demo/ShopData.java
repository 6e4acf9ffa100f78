package io.philia.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Seeded, reproducible shop data with the shapes real shops have: the same seed and size give the same
 * members and orders, byte for byte. Used by {@code ./philia dev --demo-size}, the benchmarks and the load
 * tests.
 * <ul>
 * <li>Order totals are log-normal with a median of 50 EUR and σ = 0.6: a mean of about 60 EUR, a long
 * tail of large baskets.</li>
 * <li>About 80% of customers order once; the other ~20% are repeat customers whose number of orders is
 * Pareto-distributed (α = 1.2, capped at 100): a few very loyal customers make many orders.</li>
 * <li>Each order has 1 to 10 lines (geometric, about 2.8 on average), SKUs drawn from a catalogue where a
 * few products sell far more than the rest; quantities are mostly 1.</li>
 * <li>Orders are spread over the year before {@code until}, in time order.</li>
 * </ul>
 */
public final class ShopData {

	private static final String[] CATEGORIES = { "wine", "wine", "wine", "cheese", "cheese", "spirits", "beer",
			"grocery", "grocery", "gift" };

	private static final String[] FIRST_NAMES = { "Anne", "Bob", "Chloé", "David", "Emma", "Farid", "Gaëlle", "Hugo",
			"Inès", "Jules", "Karim", "Léa", "Marc", "Nina", "Oscar", "Paul", "Quentin", "Rose", "Sami", "Tara" };

	private static final String[] LAST_NAMES = { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
			"Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Smith" };

	private static final int CATALOGUE = 400;

	private final List<Customer> customers;

	private final List<Order> orders;

	private ShopData(List<Customer> customers, List<Order> orders) {
		this.customers = customers;
		this.orders = orders;
	}

	public record Customer(String externalId, String email, String firstName, String lastName, String locale) {
	}

	/** A paid order; {@code totalMinor} is the sum of its lines, in euro cents. */
	public record Order(String id, Customer customer, Instant paidAt, long totalMinor, List<Line> lines) {
	}

	public record Line(String sku, String category, String brand, int quantity, long unitPriceMinor) {
	}

	/** {@code members} customers and their orders (about 2.3 per customer), paid in the year before {@code until}. */
	public static ShopData generate(long seed, int members, Instant until) {
		var random = new Random(seed);
		List<Customer> customers = new ArrayList<>(members);
		List<Customer> buyers = new ArrayList<>();
		for (int i = 1; i <= members; i++) {
			String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
			String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
			var customer = new Customer("C-%07d".formatted(i), "customer%07d@example.com".formatted(i), first, last,
					random.nextInt(3) == 0 ? "en" : "fr");
			customers.add(customer);
			int count = random.nextDouble() < 0.2 ? 1 + (int) Math.min(99, Math.ceil(pareto(random, 1.2))) : 1;
			for (int k = 0; k < count; k++) {
				buyers.add(customer);
			}
		}
		Collections.shuffle(buyers, random);
		long year = Duration.ofDays(365).toSeconds();
		List<Order> orders = new ArrayList<>(buyers.size());
		for (int i = 0; i < buyers.size(); i++) {
			Instant paidAt = until.minusSeconds(1 + (long) (random.nextDouble() * year));
			orders.add(order(random, "O-%07d".formatted(i + 1), buyers.get(i), paidAt));
		}
		orders.sort(Comparator.comparing(Order::paidAt));
		return new ShopData(List.copyOf(customers), List.copyOf(orders));
	}

	public List<Customer> customers() {
		return customers;
	}

	/** In the order they were paid. */
	public List<Order> orders() {
		return orders;
	}

	private static Order order(Random random, String id, Customer customer, Instant paidAt) {
		long target = Math.max(100, Math.round(Math.exp(Math.log(5000) + 0.6 * random.nextGaussian())));
		int lineCount = 1;
		while (lineCount < 10 && random.nextDouble() < 0.64) {
			lineCount++;
		}
		double[] weights = new double[lineCount];
		double sum = 0;
		for (int i = 0; i < lineCount; i++) {
			weights[i] = 0.2 + random.nextDouble();
			sum += weights[i];
		}
		List<Line> lines = new ArrayList<>(lineCount);
		long total = 0;
		for (int i = 0; i < lineCount; i++) {
			int quantity = random.nextDouble() < 0.75 ? 1 : 2 + random.nextInt(3);
			long unit = Math.max(50, Math.round(target * weights[i] / sum / quantity));
			// A few products sell far more than the rest: the square of a uniform leans to the start.
			int product = (int) (CATALOGUE * Math.pow(random.nextDouble(), 2));
			lines.add(new Line("SKU-%04d".formatted(product), CATEGORIES[product % CATEGORIES.length],
					"Brand " + (char) ('A' + product % 26), quantity, unit));
			total += unit * quantity;
		}
		return new Order(id, customer, paidAt, total, List.copyOf(lines));
	}

	/** Pareto with a minimum of 1: the inverse of its distribution function at a uniform draw. */
	private static double pareto(Random random, double alpha) {
		return 1 / Math.pow(1 - random.nextDouble(), 1 / alpha);
	}
}
