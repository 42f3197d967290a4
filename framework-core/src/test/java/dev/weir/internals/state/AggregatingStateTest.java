package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.functions.AggregateFunction;
import dev.weir.state.AggregatingState;
import dev.weir.state.AggregatingStateDescriptor;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatingStateTest {

    /** Averages integers; the accumulator "sum:count" is a string to exercise a distinct ACC type. */
    private static final AggregateFunction<Integer, String, Double> AVERAGE = new AggregateFunction<>() {
        @Override
        public String createAccumulator() {
            return "0:0";
        }

        @Override
        public String add(Integer value, String accumulator) {
            String[] parts = accumulator.split(":");
            return (Long.parseLong(parts[0]) + value) + ":" + (Long.parseLong(parts[1]) + 1);
        }

        @Override
        public Double getResult(String accumulator) {
            String[] parts = accumulator.split(":");
            return Double.parseDouble(parts[0]) / Long.parseLong(parts[1]);
        }

        @Override
        public String merge(String a, String b) {
            throw new UnsupportedOperationException("not needed here");
        }
    };

    @TempDir
    Path directory;

    private BackendFixture fixture;
    private AggregatingState<Integer, Double> average;

    @BeforeEach
    void open() {
        fixture = new BackendFixture(directory);
        average = fixture.state(new AggregatingStateDescriptor<>("average", AVERAGE, Serdes.String()));
        fixture.key("alice");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void getIsNullUntilAValueIsAdded() {
        assertThat(average.get()).isNull();
    }

    @Test
    void addsFoldIntoAFreshAccumulatorAndGetReturnsTheResult() {
        average.add(2);
        average.add(4);
        average.add(9);

        assertThat(average.get()).isEqualTo(5.0);
    }

    @Test
    void onlyTheAccumulatorIsStored() {
        average.add(2);
        average.add(4);
        fixture.backend.commitStaged(1);
        fixture.reopen();
        AggregatingState<Integer, Double> reopened =
                fixture.state(new AggregatingStateDescriptor<>("average", AVERAGE, Serdes.String()));

        reopened.add(6);

        assertThat(reopened.get()).isEqualTo(4.0);
    }

    @Test
    void clearDropsTheAccumulator() {
        average.add(2);
        average.clear();

        assertThat(average.get()).isNull();
        average.add(10);
        assertThat(average.get()).isEqualTo(10.0);
    }
}
