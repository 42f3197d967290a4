package dev.weir.examples;

/**
 * An order as it travels as JSON on the {@code orders} topic.
 *
 * @param orderId the order's id
 * @param customer the customer, also the record key
 * @param product the product bought
 * @param amount the amount paid
 */
public record Order(String orderId, String customer, String product, double amount) {
}
