package dev.weir.internals.graph;

import static dev.weir.internals.graph.Pipelines.STRING;
import static dev.weir.internals.graph.Pipelines.passThrough;
import static dev.weir.internals.graph.Pipelines.sink;
import static dev.weir.internals.graph.Pipelines.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.KeyedStream;
import dev.weir.pipeline.PipelineBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PipelineGraphTest {

    @Test
    void aPipelineWithoutSinkIsRejected() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("orders")).map(String::trim);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("no sink");
    }

    @Test
    void anEmptyPipelineIsRejected() {
        assertThatThrownBy(() -> new PipelineBuilder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no sink");
    }

    @Test
    void aStatefulOperatorWithoutUidIsRejectedWithAHintToSetOne() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("orders")).keyBy(v -> v, STRING, STRING).process(passThrough()).sinkTo(sink("out"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keyed-process").hasMessageContaining("uid(");
    }

    @Test
    void aReduceWithoutUidIsRejectedSinceItKeepsState() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("orders")).reinterpretAsKeyed(v -> v, STRING).reduce((a, b) -> a + b, STRING)
                .sinkTo(sink("out"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("uid");
    }

    @Test
    void aCoProcessWithoutUidIsRejected() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<String, String> left = builder.source(source("left")).reinterpretAsKeyed(v -> v, STRING);
        KeyedStream<String, String> right = builder.source(source("right")).reinterpretAsKeyed(v -> v, STRING);
        left.connect(right).process(Pipelines.<String, String, String>join()).sinkTo(sink("out"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keyed-co-process").hasMessageContaining("uid");
    }

    @Test
    void twoOperatorsWithOneUidAreRejectedNamingTheUid() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<String, String> keyed = builder.source(source("orders")).reinterpretAsKeyed(v -> v, STRING);
        keyed.process(passThrough()).uid("totals").sinkTo(sink("a"));
        keyed.process(passThrough()).uid("totals").sinkTo(sink("b"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'totals'").hasMessageContaining("unique");
    }

    @Test
    void aStatelessOperatorsUidMayNotRepeatAStatefulOne() {
        PipelineBuilder builder = new PipelineBuilder();
        DataStream<String> counted = builder.source(source("orders")).reinterpretAsKeyed(v -> v, STRING)
                .process(Pipelines.<String, String>passThrough()).uid("count");
        counted.map(String::trim).uid("count").sinkTo(sink("out"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("'count'");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "running count", "a/b", "tötal", "x:y"})
    void aUidWithCharactersOutsideTopicNamesIsRejectedWhereItIsSet(String uid) {
        DataStream<String> stream = new PipelineBuilder().source(source("orders")).map(String::trim);

        assertThatThrownBy(() -> stream.uid(uid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits");
    }

    @Test
    void uidsMayUseLettersDigitsDotsUnderscoresAndDashes() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("orders")).reinterpretAsKeyed(v -> v, STRING)
                .process(passThrough()).uid("Count_v2.per-key").sinkTo(sink("out"));

        PipelineGraph graph = builder.build().graph();

        assertThat(graph.nodes()).extracting(Transformation::uid).contains("Count_v2.per-key");
    }

    @Test
    void statelessOperatorsNeedNoUidAndGetDistinctGeneratedOnes() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("orders")).map(String::trim).map(String::strip).filter(s -> !s.isEmpty())
                .sinkTo(sink("out"));

        PipelineGraph graph = builder.build().graph();

        assertThat(graph.nodes()).extracting(Transformation::uid)
                .containsExactly("source-orders", "map-2", "map-3", "filter-4", "sink-5");
        assertThat(graph.nodes().subList(1, 5)).noneMatch(Transformation::hasUserUid);
    }

    @Test
    void nodesAreInCreationOrderWithEveryInputBeforeItsReaders() {
        PipelineBuilder builder = new PipelineBuilder();
        DataStream<String> a = builder.source(source("a"));
        DataStream<String> b = builder.source(source("b"));
        a.union(b.map(String::trim)).keyBy(v -> v, STRING, STRING).process(passThrough()).uid("p").sinkTo(sink("out"));

        List<Transformation> nodes = builder.build().graph().nodes();

        for (int i = 0; i < nodes.size(); i++) {
            assertThat(nodes.get(i).id()).isEqualTo(i + 1);
            for (Transformation input : nodes.get(i).inputs()) {
                assertThat(nodes.indexOf(input)).as("input %s of %s", input, nodes.get(i)).isBetween(0, i - 1);
            }
        }
    }

    @Test
    void consumersOfANodeAreTheNodesReadingIt() {
        PipelineBuilder builder = new PipelineBuilder();
        DataStream<String> orders = builder.source(source("orders"));
        orders.sinkTo(sink("copy"));
        orders.map(String::trim).sinkTo(sink("trimmed"));

        PipelineGraph graph = builder.build().graph();
        Transformation sourceNode = graph.nodes().get(0);

        assertThat(graph.consumersOf(sourceNode)).extracting(Transformation::toString)
                .containsExactly("sink[sink-2]", "map[map-3]");
    }

    @Test
    void unionOfStreamsOfAnotherPipelineIsRejected() {
        DataStream<String> mine = new PipelineBuilder().source(source("a"));
        DataStream<String> theirs = new PipelineBuilder().source(source("b"));

        assertThatThrownBy(() -> mine.union(theirs)).isInstanceOf(IllegalArgumentException.class);
    }
}
