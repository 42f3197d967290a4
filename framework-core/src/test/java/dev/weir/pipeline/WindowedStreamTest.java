package dev.weir.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.weir.kafka.KafkaSource;
import dev.weir.windowing.CountTrigger;
import dev.weir.windowing.EventTimeSessionWindows;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.Trigger;
import dev.weir.windowing.TriggerResult;
import dev.weir.windowing.TumblingProcessingTimeWindows;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Mistakes in windows and joins fail when the pipeline is built, with a message that says what is wrong. */
class WindowedStreamTest {

    private final PipelineBuilder builder = new PipelineBuilder();
    private final KeyedStream<String, String> keyed = builder.source(KafkaSource.values("in", new StringDeserializer()))
            .reinterpretAsKeyed(value -> value, Serdes.String());

    @Test
    void sessionWindowsRejectATriggerThatCannotMerge() {
        WindowedStream<String, String, TimeWindow> sessions = keyed
                .window(EventTimeSessionWindows.<String>withGap(Duration.ofMillis(10)))
                .trigger(new NonMergingTrigger());

        assertThatThrownBy(() -> sessions.reduce((a, b) -> a + b, Serdes.String()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EventTimeSessionWindows").hasMessageContaining("cannot merge");
    }

    @Test
    void sessionWindowsAcceptAMergingTrigger() {
        keyed.window(EventTimeSessionWindows.<String>withGap(Duration.ofMillis(10)))
                .trigger(CountTrigger.of(3))
                .reduce((a, b) -> a + b, Serdes.String());
    }

    @Test
    void allowedLatenessIsRejectedForProcessingTimeWindows() {
        WindowedStream<String, String, TimeWindow> windows =
                keyed.window(TumblingProcessingTimeWindows.<String>of(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> windows.allowedLateness(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event-time windows only");
    }

    @Test
    void anIntervalJoinNeedsBoundsInOrder() {
        IntervalJoin<String, String, String> join = keyed.intervalJoin(keyed);

        assertThatThrownBy(() -> join.between(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower bound");
        assertThatThrownBy(() -> join.process(null, Serdes.String(), Serdes.String()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("between(lower, upper)");
    }

    @Test
    void anIntervalJoinWhoseExclusiveBoundsMatchNothingIsRejected() {
        IntervalJoin<String, String, String> join = keyed.intervalJoin(keyed)
                .between(Duration.ZERO, Duration.ZERO).lowerBoundExclusive();

        assertThatThrownBy(() -> join.process(null, Serdes.String(), Serdes.String()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("match nothing");
    }

    /** A trigger that fires on every element and does not support merging. */
    private static final class NonMergingTrigger extends Trigger<String, TimeWindow> {

        @Override
        public TriggerResult onElement(String element, long timestamp, TimeWindow window, TriggerContext context) {
            return TriggerResult.FIRE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext context) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext context) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext context) {
        }
    }
}
