package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.weir.functions.AggregateFunction;
import dev.weir.state.AggregatingState;
import dev.weir.state.AggregatingStateDescriptor;
import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.StateException;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every state type stores its contents as its serde's bytes, and reads them back through it. */
class StateSerializationTest {

    /** A user type with a hand-written serde that records the topic names it is called with. */
    record Point(int x, int y) {
    }

    private static final class PointSerde implements Serde<Point> {

        final Set<String> topics = new HashSet<>();

        @Override
        public Serializer<Point> serializer() {
            return (topic, point) -> {
                topics.add(topic);
                return point == null ? null : ByteBuffer.allocate(8).putInt(point.x()).putInt(point.y()).array();
            };
        }

        @Override
        public Deserializer<Point> deserializer() {
            return (topic, bytes) -> {
                topics.add(topic);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return new Point(buffer.getInt(), buffer.getInt());
            };
        }
    }

    private static final AggregateFunction<Point, Point, Integer> MANHATTAN = new AggregateFunction<>() {
        @Override
        public Point createAccumulator() {
            return new Point(0, 0);
        }

        @Override
        public Point add(Point value, Point accumulator) {
            return new Point(accumulator.x() + value.x(), accumulator.y() + value.y());
        }

        @Override
        public Integer getResult(Point accumulator) {
            return Math.abs(accumulator.x()) + Math.abs(accumulator.y());
        }

        @Override
        public Point merge(Point a, Point b) {
            return add(a, b);
        }
    };

    @TempDir
    Path directory;

    private BackendFixture fixture;
    private PointSerde serde;

    @BeforeEach
    void open() {
        fixture = new BackendFixture(directory);
        serde = new PointSerde();
        fixture.key("alice");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void valueStateStoresExactlyTheSerdesBytesUnderTheStateIdAsTopic() {
        ValueState<Point> state = fixture.state(new ValueStateDescriptor<>("position", serde));
        state.update(new Point(1, 2));

        fixture.backend.forEachStagedChange((stateId, dbKey, value) ->
                assertThat(value).isEqualTo(serde.serializer().serialize("any", new Point(1, 2))));
        assertThat(serde.topics).containsOnly("operator/position", "any");
        assertThat(afterReopen(() -> fixture.state(new ValueStateDescriptor<>("position", serde)).value()))
                .isEqualTo(new Point(1, 2));
    }

    @Test
    void listStateElementsRoundTripThroughTheElementSerde() {
        ListState<Point> state = fixture.state(new ListStateDescriptor<>("path", serde));
        state.addAll(List.of(new Point(1, 1), new Point(2, 3)));

        assertThat(afterReopen(() -> fixture.state(new ListStateDescriptor<>("path", serde)).get()))
                .containsExactly(new Point(1, 1), new Point(2, 3));
        assertThat(serde.topics).containsOnly("operator/path");
    }

    @Test
    void mapStateKeysAndValuesRoundTripThroughTheirSerdes() {
        MapState<Point, String> state = fixture.state(new MapStateDescriptor<>("labels", serde, Serdes.String()));
        state.put(new Point(2, 0), "east");
        state.put(new Point(-1, 0), "west");

        // Negative x serializes with a high first byte, so it sorts after positive x.
        assertThat(afterReopen(() -> fixture.state(new MapStateDescriptor<>("labels", serde, Serdes.String())).entries()))
                .containsExactly(entry(new Point(2, 0), "east"), entry(new Point(-1, 0), "west"));
    }

    @Test
    void reducingStateRoundTripsThroughItsSerde() {
        ReducingState<Point> state = fixture.state(new ReducingStateDescriptor<>("sum", MANHATTAN::add, serde));
        state.add(new Point(1, 2));
        state.add(new Point(3, 4));

        assertThat(afterReopen(() -> fixture.state(new ReducingStateDescriptor<>("sum", MANHATTAN::add, serde)).get()))
                .isEqualTo(new Point(4, 6));
    }

    @Test
    void aggregatingStateStoresItsAccumulatorThroughTheAccumulatorSerde() {
        AggregatingState<Point, Integer> state = fixture.state(new AggregatingStateDescriptor<>("distance", MANHATTAN, serde));
        state.add(new Point(1, -5));

        assertThat(afterReopen(() -> fixture.state(new AggregatingStateDescriptor<>("distance", MANHATTAN, serde)).get()))
                .isEqualTo(6);
        assertThat(serde.topics).containsOnly("operator/distance");
    }

    @Test
    void aSerdeThatEncodesAValueAsNullIsRejected() {
        Serde<String> broken = Serdes.serdeFrom((topic, value) -> null, (topic, bytes) -> "never");
        ValueState<String> state = fixture.state(new ValueStateDescriptor<>("broken", broken));

        assertThatThrownBy(() -> state.update("x"))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("operator/broken");
    }

    /** Commits, reopens the backend and reads with a fresh handle: only serialized bytes survive. */
    private <T> T afterReopen(Supplier<T> read) {
        fixture.backend.commitStaged(1);
        fixture.reopen();
        return read.get();
    }
}
