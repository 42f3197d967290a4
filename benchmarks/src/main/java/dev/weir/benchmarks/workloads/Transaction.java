package dev.weir.benchmarks.workloads;

/**
 * A card transaction of the fraud workload, the sample fraud detector's record, with its JSON
 * form {@code {"id":"t-123","accountId":"acct-00042","amount":12.5,"timestamp":1700000000123}}.
 *
 * <p>Every system under comparison should parse with {@link #fromJson}, so that the cost of
 * reading the input is the same for all of them and the comparison measures the engines.
 *
 * @param id unique id
 * @param accountId the account charged: the record key
 * @param amount in dollars, whole cents
 * @param timestamp when it happened, epoch milliseconds; the record timestamp in pre-loaded input
 */
public record Transaction(String id, String accountId, double amount, long timestamp) {

    /** This transaction as JSON, fields in the order of the record. */
    public String toJson() {
        return "{\"id\":\"" + id + "\",\"accountId\":\"" + accountId + "\",\"amount\":" + amount
                + ",\"timestamp\":" + timestamp + '}';
    }

    /**
     * Parses the JSON that {@link #toJson} writes: the four fields, in any order, strings without
     * escapes. Not a general JSON parser: the input is generated.
     *
     * @throws IllegalArgumentException if a field is missing or malformed
     */
    public static Transaction fromJson(String json) {
        try {
            return new Transaction(stringField(json, "id"), stringField(json, "accountId"),
                    Double.parseDouble(numberField(json, "amount")), Long.parseLong(numberField(json, "timestamp")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a transaction: " + json, e);
        }
    }

    private static String stringField(String json, String name) {
        int start = valueStart(json, name);
        if (json.charAt(start) != '"') {
            throw new IllegalArgumentException(name + " is not a string");
        }
        int end = json.indexOf('"', start + 1);
        if (end < 0) {
            throw new IllegalArgumentException(name + " is not terminated");
        }
        return json.substring(start + 1, end);
    }

    private static String numberField(String json, String name) {
        int start = valueStart(json, name);
        int end = start;
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
            end++;
        }
        return json.substring(start, end).trim();
    }

    private static int valueStart(String json, String name) {
        int at = json.indexOf("\"" + name + "\"");
        if (at < 0) {
            throw new IllegalArgumentException("no field " + name);
        }
        int colon = json.indexOf(':', at + name.length() + 2);
        int start = colon + 1;
        while (Character.isWhitespace(json.charAt(start))) {
            start++;
        }
        return start;
    }
}
