package io.philia.reward;

/**
 * A programme's checkout settings: points as payment (absent: points cannot pay) and the coupon campaign
 * whose coupon each paid order earns (absent: none).
 */
public record CheckoutTerms(PointsPayment pointsPayment, String nextOrderCampaignId) {
}
