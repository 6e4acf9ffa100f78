package io.philia.event;

/**
 * An event waiting for its writer, as a hint to the modules that read ahead for its micro-batch
 * ({@link io.philia.platform.BatchReads}): what it is about, before it is applied.
 *
 * @param type order.paid, order.refunded, … or a custom type
 * @param orderId the order it concerns, or null
 */
public record QueuedEvent(String programId, String storeId, String type, String orderId) {
}
