package dev.weir.benchmarks.kstreams;

/**
 * The fields of a transaction that the fraud rules read, from its JSON value
 * {@code {"id":"t-123","accountId":"acct-0042","amount":12.5,"timestamp":1700000000123}}. The
 * rules use the record's timestamp and key, so only the id and the amount are read.
 *
 * @param id     the transaction id
 * @param amount the amount in dollars
 */
record TransactionFields(String id, double amount) {

    private static final String ID = "\"id\":\"";
    private static final String AMOUNT = "\"amount\":";

    /**
     * Reads a transaction's JSON, written by the benchmark's generator (no spaces, no escapes).
     *
     * @param json the record value
     * @return its id and amount
     * @throws IllegalArgumentException if a field is missing
     */
    static TransactionFields parse(String json) {
        int idStart = start(json, ID);
        int idEnd = json.indexOf('"', idStart);
        int amountStart = start(json, AMOUNT);
        int amountEnd = amountStart;
        while (amountEnd < json.length() && json.charAt(amountEnd) != ',' && json.charAt(amountEnd) != '}') {
            amountEnd++;
        }
        if (idEnd < 0) {
            throw new IllegalArgumentException("not a transaction: " + json);
        }
        return new TransactionFields(json.substring(idStart, idEnd),
                Double.parseDouble(json.substring(amountStart, amountEnd)));
    }

    private static int start(String json, String field) {
        int at = json.indexOf(field);
        if (at < 0) {
            throw new IllegalArgumentException("no " + field + " in " + json);
        }
        return at + field.length();
    }
}
