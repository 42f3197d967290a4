package dev.weir.internals.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

/** Proves the emitter writes the task's watermark and idleness to every repartition partition, only when changed and due. */
class WatermarkEmitterTest {

    private record Sent(String topic, int partition, WatermarkRecords.UpstreamWatermark watermark) {
    }

    private final List<Sent> sent = new ArrayList<>();

    private void send(String topic, int partition, Headers headers) {
        sent.add(new Sent(topic, partition, WatermarkRecords.read(headers)));
    }

    @Test
    void emitsToEveryPartitionOfEveryTopic() {
        WatermarkEmitter emitter = new WatermarkEmitter(3, Map.of("a-repartition", 2, "b-repartition", 3), 100);

        assertThat(emitter.emitIfDue(1_000, false, 0, this::send)).isTrue();

        WatermarkRecords.UpstreamWatermark expected = new WatermarkRecords.UpstreamWatermark(3, 1_000, false);
        assertThat(sent).extracting(Sent::topic, Sent::partition, Sent::watermark).containsExactlyInAnyOrder(
                tuple("a-repartition", 0, expected), tuple("a-repartition", 1, expected),
                tuple("b-repartition", 0, expected), tuple("b-repartition", 1, expected),
                tuple("b-repartition", 2, expected));
    }

    @Test
    void emitsToEveryPartitionOnlyWhenChangedAndDue() {
        WatermarkEmitter emitter = new WatermarkEmitter(0, Map.of("r", 2), 100);
        assertThat(emitter.emitIfDue(1_000, false, 0, this::send)).isTrue();
        sent.clear();

        assertThat(emitter.emitIfDue(1_000, false, 500, this::send)).as("unchanged").isFalse();
        assertThat(emitter.emitIfDue(2_000, false, 99, this::send)).as("changed, not due").isFalse();
        assertThat(sent).isEmpty();

        assertThat(emitter.emitIfDue(2_000, false, 100, this::send)).isTrue();
        assertThat(sent).extracting(Sent::watermark).containsOnly(new WatermarkRecords.UpstreamWatermark(0, 2_000, false));
        assertThat(sent).hasSize(2);
    }

    @Test
    void aChangeOfIdlenessAloneIsEmitted() {
        WatermarkEmitter emitter = new WatermarkEmitter(1, Map.of("r", 1), 100);
        emitter.emitIfDue(1_000, false, 0, this::send);
        sent.clear();

        assertThat(emitter.emitIfDue(1_000, true, 100, this::send)).isTrue();
        assertThat(emitter.emitIfDue(1_000, true, 200, this::send)).isFalse();

        assertThat(sent).containsExactly(new Sent("r", 0, new WatermarkRecords.UpstreamWatermark(1, 1_000, true)));
    }

    @Test
    void theIntervalCountsFromTheLastEmissionNotTheLastCall() {
        WatermarkEmitter emitter = new WatermarkEmitter(0, Map.of("r", 1), 100);
        emitter.emitIfDue(1, false, 1_000, this::send);
        emitter.emitIfDue(2, false, 1_050, this::send);
        emitter.emitIfDue(3, false, 1_090, this::send);

        assertThat(emitter.emitIfDue(4, false, 1_100, this::send)).isTrue();

        assertThat(sent).extracting(s -> s.watermark().watermark()).containsExactly(1L, 4L);
    }

    @Test
    void forgetEmittedMakesItEmitTheSameWatermarkAgainAtOnce() {
        WatermarkEmitter emitter = new WatermarkEmitter(0, Map.of("r", 1), 100);
        emitter.emitIfDue(1_000, true, 5_000, this::send);
        sent.clear();

        emitter.forgetEmitted();

        assertThat(emitter.emitIfDue(1_000, true, 5_001, this::send)).as("neither the value nor the interval suppresses it").isTrue();
        assertThat(sent).containsExactly(new Sent("r", 0, new WatermarkRecords.UpstreamWatermark(0, 1_000, true)));
    }

    @Test
    void withoutRepartitionTopicsNothingIsSent() {
        WatermarkEmitter emitter = new WatermarkEmitter(0, Map.of(), 100);

        assertThat(emitter.emitIfDue(1_000, false, 0, this::send)).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void aWatermarkAtItsMinimumIsEmittedAgainAfterTheEmissionWasForgotten() {
        WatermarkEmitter emitter = new WatermarkEmitter(0, Map.of("t", 1), 100);
        List<Boolean> idleFlags = new ArrayList<>();
        WatermarkEmitter.Sender sender = (topic, partition, headers) -> idleFlags.add(WatermarkRecords.read(headers).idle());

        emitter.emitIfDue(Long.MIN_VALUE, true, 0, sender);
        emitter.emitIfDue(Long.MIN_VALUE, false, 1_000, sender);
        emitter.forgetEmitted();

        assertThat(emitter.emitIfDue(Long.MIN_VALUE, false, 1_001, sender)).isTrue();
        assertThat(idleFlags).containsExactly(true, false, false);
    }
}
