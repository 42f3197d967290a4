package dev.weir.benchmarks.weir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.weir.functions.AggregateFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The highest score seen and the labels of everything that scored it: the accumulator of the
 * Nexmark "highest per window, all ties" aggregations.
 *
 * @param score the highest score, {@link Long#MIN_VALUE} while empty
 * @param labels what scored it, in arrival order
 */
record Ties(long score, List<String> labels) {

    /** The serde of ties in window state. */
    static final Serde<Ties> SERDE = Serdes.serdeFrom(Ties::serialize, Ties::deserialize);

    static Ties empty() {
        return new Ties(Long.MIN_VALUE, List.of());
    }

    /** These ties with one more scored label. */
    Ties with(long newScore, String label) {
        if (newScore < score) {
            return this;
        }
        List<String> next = new ArrayList<>(newScore == score ? labels : List.of());
        next.add(label);
        return new Ties(newScore, next);
    }

    /** The ties of this and another set. */
    Ties merge(Ties other) {
        if (other.score != score) {
            return other.score > score ? other : this;
        }
        List<String> all = new ArrayList<>(labels);
        all.addAll(other.labels);
        return new Ties(score, all);
    }

    /** Aggregates elements by a score and a label. */
    static <T> AggregateFunction<T, Ties, Ties> of(ToLongFunction<T> score, Function<T, String> label) {
        return new AggregateFunction<>() {
            @Override
            public Ties createAccumulator() {
                return empty();
            }

            @Override
            public Ties add(T value, Ties accumulator) {
                return accumulator.with(score.applyAsLong(value), label.apply(value));
            }

            @Override
            public Ties getResult(Ties accumulator) {
                return accumulator;
            }

            @Override
            public Ties merge(Ties a, Ties b) {
                return a.merge(b);
            }
        };
    }

    private static byte[] serialize(String topic, Ties ties) {
        if (ties == null) {
            return null;
        }
        List<byte[]> encoded = new ArrayList<>(ties.labels.size());
        int size = Long.BYTES + Integer.BYTES;
        for (String label : ties.labels) {
            byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
            encoded.add(bytes);
            size += Integer.BYTES + bytes.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).putLong(ties.score).putInt(encoded.size());
        for (byte[] bytes : encoded) {
            buffer.putInt(bytes.length).put(bytes);
        }
        return buffer.array();
    }

    private static Ties deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long score = buffer.getLong();
        int n = buffer.getInt();
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] bytes = new byte[buffer.getInt()];
            buffer.get(bytes);
            labels.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return new Ties(score, labels);
    }
}
