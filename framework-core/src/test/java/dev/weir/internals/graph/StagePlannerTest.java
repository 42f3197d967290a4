package dev.weir.internals.graph;

import static dev.weir.internals.graph.Pipelines.STRING;
import static dev.weir.internals.graph.Pipelines.keyValueSource;
import static dev.weir.internals.graph.Pipelines.passThrough;
import static dev.weir.internals.graph.Pipelines.sink;
import static dev.weir.internals.graph.Pipelines.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.KeyedStream;
import dev.weir.pipeline.PipelineBuilder;
import org.junit.jupiter.api.Test;

class StagePlannerTest {

    private static final String APP = "shop";

    private static List<Stage> plan(PipelineBuilder builder) {
        return StagePlanner.plan(builder.build().graph(), APP);
    }

    private static List<String> uids(Stage stage) {
        return stage.nodes().stream().map(Transformation::uid).toList();
    }

    @Test
    void aPipelineWithoutKeyByIsOneStatelessStage() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("orders")).map(String::trim).filter(s -> !s.isEmpty()).sinkTo(sink("clean"));

        List<Stage> stages = plan(builder);

        assertThat(stages).hasSize(1);
        Stage stage = stages.get(0);
        assertThat(stage.index()).isZero();
        assertThat(uids(stage)).containsExactly("source-orders", "map-2", "filter-3", "sink-4");
        assertThat(stage.sourceTopics()).containsExactly("orders");
        assertThat(stage.inputs()).isEmpty();
        assertThat(stage.outputs()).isEmpty();
        assertThat(stage.isStateful()).isFalse();
        assertThat(stage.changelogTopic(APP)).isEmpty();
    }

    @Test
    void keyByThenProcessCutsTwoStagesJoinedByTheConsumersRepartitionTopic() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("orders")).keyBy(v -> v.substring(0, 1), STRING, STRING)
                .process(passThrough()).uid("per-region").sinkTo(sink("totals"));

        List<Stage> stages = plan(builder);

        assertThat(stages).hasSize(2);
        Stage upstream = stages.get(0);
        Stage downstream = stages.get(1);
        assertThat(upstream.index()).isZero();
        assertThat(downstream.index()).isEqualTo(1);
        assertThat(uids(upstream)).containsExactly("source-orders", "key-by-2");
        assertThat(uids(downstream)).containsExactly("per-region", "sink-4");

        assertThat(upstream.outputs()).singleElement().satisfies(edge -> {
            assertThat(edge.topic()).isEqualTo("shop-per-region-repartition");
            assertThat(edge.keyBy().uid()).isEqualTo("key-by-2");
            assertThat(edge.consumer().uid()).isEqualTo("per-region");
            assertThat(edge.inputIndex()).isZero();
        });
        assertThat(downstream.inputs()).isEqualTo(upstream.outputs());
        assertThat(upstream.inputs()).isEmpty();
        assertThat(downstream.outputs()).isEmpty();

        assertThat(upstream.sourceTopics()).containsExactly("orders");
        assertThat(downstream.sourceTopics()).containsExactly("shop-per-region-repartition");
        assertThat(downstream.sources()).isEmpty();
        assertThat(upstream.isStateful()).isFalse();
        assertThat(downstream.storeName()).contains("per-region");
    }

    @Test
    void reinterpretAsKeyedDoesNotCutTheStage() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(keyValueSource("orders")).reinterpretAsKeyed(KeyValue::key, STRING)
                .process(passThrough()).uid("count").sinkTo(sink("counts"));

        List<Stage> stages = plan(builder);

        assertThat(stages).singleElement().satisfies(stage -> {
            assertThat(uids(stage)).containsExactly("source-orders", "key-by-2", "count", "sink-4");
            assertThat(stage.inputs()).isEmpty();
            assertThat(stage.outputs()).isEmpty();
            assertThat(stage.sourceTopics()).containsExactly("orders");
        });
    }

    @Test
    void aStatefulStageNamesItsStoreAndChangelogAfterItsOperatorUid() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(keyValueSource("orders")).reinterpretAsKeyed(KeyValue::key, STRING)
                .process(passThrough()).uid("running-total").sinkTo(sink("totals"));

        Stage stage = plan(builder).get(0);

        assertThat(stage.isStateful()).isTrue();
        assertThat(stage.storeName()).contains("running-total");
        assertThat(stage.changelogTopic(APP)).contains("shop-running-total-changelog");
        assertThat(stage.changelogTopic("other")).contains("other-running-total-changelog");
    }

    @Test
    void aStageWithTwoStatefulOperatorsIsNamedAfterTheFirst() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("orders")).reinterpretAsKeyed(v -> v, STRING)
                .process(Pipelines.<String, String>passThrough()).uid("first")
                .reinterpretAsKeyed(v -> v, STRING)
                .process(passThrough()).uid("second")
                .sinkTo(sink("out"));

        List<Stage> stages = plan(builder);

        assertThat(stages).singleElement().satisfies(stage -> {
            assertThat(stage.storeName()).contains("first");
            assertThat(stage.changelogTopic(APP)).contains("shop-first-changelog");
        });
    }

    @Test
    void unionOfTwoSourcesIsOneStageReadingBothTopics() {
        PipelineBuilder builder = new PipelineBuilder();
        DataStream<String> web = builder.source(source("web-orders"));
        DataStream<String> shop = builder.source(source("shop-orders"));
        web.union(shop).map(String::trim).sinkTo(sink("all-orders"));

        List<Stage> stages = plan(builder);

        assertThat(stages).singleElement().satisfies(stage -> {
            assertThat(stage.sources()).extracting(s -> s.source().topic()).containsExactly("web-orders", "shop-orders");
            assertThat(stage.sourceTopics()).containsExactly("shop-orders", "web-orders");
            assertThat(stage.nodes()).hasSize(5);
        });
    }

    @Test
    void connectOfTwoCoPartitionedSourcesIsOneStageReadingBothTopics() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<KeyValue<String, String>, String> orders =
                builder.source(keyValueSource("orders")).reinterpretAsKeyed(KeyValue::key, STRING);
        KeyedStream<KeyValue<String, String>, String> payments =
                builder.source(keyValueSource("payments")).reinterpretAsKeyed(KeyValue::key, STRING);
        orders.connect(payments).process(Pipelines.<String, KeyValue<String, String>, KeyValue<String, String>>join())
                .uid("match").sinkTo(sink("matched"));

        List<Stage> stages = plan(builder);

        assertThat(stages).singleElement().satisfies(stage -> {
            assertThat(stage.sourceTopics()).containsExactly("orders", "payments");
            assertThat(stage.inputs()).isEmpty();
            assertThat(stage.storeName()).contains("match");
        });
    }

    @Test
    void connectOfTwoKeyByStreamsGivesNumberedRepartitionTopics() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<String, String> orders = builder.source(source("orders")).keyBy(v -> v, STRING, STRING);
        KeyedStream<String, String> payments = builder.source(source("payments")).keyBy(v -> v, STRING, STRING);
        orders.connect(payments).process(Pipelines.<String, String, String>join()).uid("match").sinkTo(sink("matched"));

        List<Stage> stages = plan(builder);

        assertThat(stages).hasSize(3);
        Stage join = stages.get(2);
        assertThat(join.inputs()).extracting(RepartitionEdge::topic)
                .containsExactly("shop-match-repartition-1", "shop-match-repartition-2");
        assertThat(join.inputs()).extracting(RepartitionEdge::inputIndex).containsExactly(0, 1);
        assertThat(join.sourceTopics()).containsExactly("shop-match-repartition-1", "shop-match-repartition-2");
        assertThat(stages.get(0).sourceTopics()).containsExactly("orders");
        assertThat(stages.get(0).outputs()).extracting(RepartitionEdge::topic).containsExactly("shop-match-repartition-1");
        assertThat(stages.get(1).sourceTopics()).containsExactly("payments");
        assertThat(stages.get(1).outputs()).extracting(RepartitionEdge::topic).containsExactly("shop-match-repartition-2");
    }

    @Test
    void connectOfAKeyByStreamAndAKeyedSourceReadsTheSourceAndOneRepartitionTopic() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<String, String> orders = builder.source(source("orders")).keyBy(v -> v, STRING, STRING);
        KeyedStream<String, String> customers = builder.source(source("customers")).reinterpretAsKeyed(v -> v, STRING);
        orders.connect(customers).process(Pipelines.<String, String, String>join()).uid("enrich").sinkTo(sink("out"));

        List<Stage> stages = plan(builder);

        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).sourceTopics()).containsExactly("orders");
        assertThat(stages.get(1).sourceTopics()).containsExactly("customers", "shop-enrich-repartition-1");
        assertThat(stages.get(1).storeName()).contains("enrich");
    }

    @Test
    void aStageIsNumberedAfterTheStagesItReadsFromEvenWhenDeclaredFirst() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<String, String> customers = builder.source(source("customers")).reinterpretAsKeyed(v -> v, STRING);
        KeyedStream<String, String> orders = builder.source(source("orders")).keyBy(v -> v, STRING, STRING);
        customers.connect(orders).process(Pipelines.<String, String, String>join()).uid("enrich").sinkTo(sink("out"));

        List<Stage> stages = plan(builder);

        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).sourceTopics()).containsExactly("orders");
        assertThat(stages.get(0).outputs()).extracting(RepartitionEdge::topic).containsExactly("shop-enrich-repartition-2");
        assertThat(stages.get(1).sourceTopics()).containsExactly("customers", "shop-enrich-repartition-2");
    }

    @Test
    void chainedKeyBysMakeOneStagePerKeyUpstreamFirst() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(source("clicks"))
                .keyBy(v -> v, STRING, STRING).process(Pipelines.<String, String>passThrough()).uid("per-user")
                .keyBy(v -> v, STRING, STRING).process(passThrough()).uid("per-page")
                .sinkTo(sink("out"));

        List<Stage> stages = plan(builder);

        assertThat(stages).extracting(Stage::index).containsExactly(0, 1, 2);
        assertThat(stages.get(0).outputs()).extracting(RepartitionEdge::topic).containsExactly("shop-per-user-repartition");
        assertThat(stages.get(1).inputs()).extracting(RepartitionEdge::topic).containsExactly("shop-per-user-repartition");
        assertThat(stages.get(1).outputs()).extracting(RepartitionEdge::topic).containsExactly("shop-per-page-repartition");
        assertThat(stages.get(2).inputs()).extracting(RepartitionEdge::topic).containsExactly("shop-per-page-repartition");
        assertThat(stages).extracting(Stage::storeName)
                .containsExactly(java.util.Optional.empty(), java.util.Optional.of("per-user"), java.util.Optional.of("per-page"));
    }

    @Test
    void oneKeyedStreamProcessedTwiceFeedsTwoDownstreamStages() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<String, String> keyed = builder.source(source("orders")).keyBy(v -> v, STRING, STRING);
        keyed.process(passThrough()).uid("count").sinkTo(sink("counts"));
        keyed.process(passThrough()).uid("last").sinkTo(sink("lasts"));

        List<Stage> stages = plan(builder);

        assertThat(stages).hasSize(3);
        assertThat(stages.get(0).outputs()).extracting(RepartitionEdge::topic)
                .containsExactlyInAnyOrder("shop-count-repartition", "shop-last-repartition");
        assertThat(stages.subList(1, 3)).flatExtracting(Stage::inputs).extracting(RepartitionEdge::topic)
                .containsExactlyInAnyOrder("shop-count-repartition", "shop-last-repartition");
    }

    @Test
    void aUnionOfAKeyedResultWithAnotherSourceJoinsThatSourceToTheDownstreamStage() {
        PipelineBuilder builder = new PipelineBuilder();
        DataStream<String> counted = builder.source(source("orders")).keyBy(v -> v, STRING, STRING)
                .process(Pipelines.<String, String>passThrough()).uid("count");
        DataStream<String> manual = builder.source(source("corrections"));
        counted.union(manual).sinkTo(sink("out"));

        List<Stage> stages = plan(builder);

        assertThat(stages).hasSize(2);
        assertThat(stages.get(1).sourceTopics()).containsExactly("corrections", "shop-count-repartition");
    }

    @Test
    void everyNodeBelongsToExactlyOneStage() {
        PipelineBuilder builder = new PipelineBuilder();
        KeyedStream<String, String> orders = builder.source(source("orders")).keyBy(v -> v, STRING, STRING);
        KeyedStream<String, String> payments = builder.source(source("payments")).map(String::trim)
                .keyBy(v -> v, STRING, STRING);
        orders.connect(payments).process(Pipelines.<String, String, String>join()).uid("match")
                .filter(s -> !s.isEmpty()).sinkTo(sink("matched"));
        PipelineGraph graph = builder.build().graph();

        List<Stage> stages = StagePlanner.plan(graph, APP);

        assertThat(stages).flatExtracting(Stage::nodes).containsExactlyInAnyOrderElementsOf(graph.nodes());
    }
}
