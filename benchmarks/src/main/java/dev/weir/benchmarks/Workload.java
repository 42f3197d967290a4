package dev.weir.benchmarks;

import java.util.Locale;

/** What one run does with the input topic. */
enum Workload {

    /** The physical limit: KafkaConsumer + transactional KafkaProducer, commit every 100 ms. */
    BARE("bare", false),
    /** A plain consume-produce loop: idempotent producer, flush and commitSync every second. */
    BARE_ALOS("bare-alos", false),
    /** Weir: source → map(identity) → sink, stateless. */
    PASSTHROUGH("passthrough", true),
    /** Weir: running count per key in {@code ValueState<Long>}, one output per input. */
    COUNT("count", true),
    /** Weir: count per key in tumbling 10 s event-time windows, one output per key and window. */
    WINDOW_COUNT("window-count", true);

    private final String label;
    private final boolean weir;

    Workload(String label, boolean weir) {
        this.label = label;
        this.weir = weir;
    }

    String label() {
        return label;
    }

    boolean isWeir() {
        return weir;
    }

    static Workload parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Workload w : values()) {
            if (w.label.equals(n)) {
                return w;
            }
        }
        if (n.equals("bare-eos") || n.equals("baseline")) {
            return BARE;
        }
        if (n.equals("pass-through") || n.equals("identity")) {
            return PASSTHROUGH;
        }
        if (n.equals("running-count")) {
            return COUNT;
        }
        throw new IllegalArgumentException(
                "unknown workload '" + name + "': bare, bare-alos, passthrough, count or window-count");
    }
}
