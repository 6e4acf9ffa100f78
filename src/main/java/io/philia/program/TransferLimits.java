package io.philia.program;

/**
 * Whether members may give points to other members of the programme (gifts, family pooling), and how
 * much: at most {@code maxPoints} in one transfer, {@code maxSentPerMonth} sent and
 * {@code maxReceivedPerMonth} received by one member in a calendar month of the programme. Absent
 * limits do not limit.
 */
public record TransferLimits(boolean enabled, Long maxPoints, Long maxSentPerMonth, Long maxReceivedPerMonth) {

	public static final TransferLimits DISABLED = new TransferLimits(false, null, null, null);

	public TransferLimits {
		requirePositive("maxPoints", maxPoints);
		requirePositive("maxSentPerMonth", maxSentPerMonth);
		requirePositive("maxReceivedPerMonth", maxReceivedPerMonth);
	}

	private static void requirePositive(String name, Long value) {
		if (value != null && (value < 1 || value > 1_000_000_000_000L)) {
			throw new IllegalArgumentException(name + " must be a positive whole number of points");
		}
	}
}
