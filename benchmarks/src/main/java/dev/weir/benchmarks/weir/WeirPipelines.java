package dev.weir.benchmarks.weir;

import java.nio.ByteBuffer;
import java.time.Duration;

import dev.weir.benchmarks.workloads.ComparedWorkload;
import dev.weir.benchmarks.workloads.NexmarkBid;
import dev.weir.benchmarks.workloads.Transaction;
import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.examples.WindowedRegionCount;
import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.windowing.SlidingEventTimeWindows;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.TumblingEventTimeWindows;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The compared workloads as Weir pipelines, written as a Weir user would write them with the
 * public API. Event time is the Kafka record timestamp (no timestamp assigner), with a watermark
 * 1 s behind the highest timestamp seen, so a window fires once a record 1 s past its end has
 * been read, as in the other systems.
 */
public final class WeirPipelines {

    private static final Duration WINDOW = Duration.ofMillis(ComparedWorkload.WINDOW_MILLIS);
    private static final Duration SLIDE = Duration.ofMillis(ComparedWorkload.SLIDE_MILLIS);
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(ComparedWorkload.OUT_OF_ORDERNESS_MILLIS);
    private static final Serde<NexmarkBid> BID_SERDE = Serdes.serdeFrom(WeirPipelines::serializeBid,
            WeirPipelines::deserializeBid);

    private WeirPipelines() {
    }

    /** The pipeline of {@code workload}, reading {@code input} and writing {@code output}. */
    public static Pipeline of(ComparedWorkload workload, String input, String output) {
        switch (workload) {
            case PASSTHROUGH:
                return passthrough(input, output);
            case WINDOW_COUNT:
                return windowCount(input, output);
            case FRAUD:
                return fraud(input, output);
            case NEXMARK_Q5:
                return hotItems(input, output);
            default:
                return highestBid(input, output);
        }
    }

    /** Each record unchanged: source → map(identity) → sink. */
    public static Pipeline passthrough(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()))
                .map(WeirPipelines::identity).uid("identity")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    /**
     * Count per key in tumbling 10 s windows: {@code key → <windowStart>:<count>}. The input is
     * keyed by the counted key, so it needs no repartition.
     */
    public static Pipeline windowCount(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()),
                        WatermarkStrategy.forBoundedOutOfOrderness(OUT_OF_ORDERNESS))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .window(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(new WindowedRegionCount.Count<>(), Serdes.Long(), new CountLabel()).uid("window-count")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    /**
     * The fraud rules per account, in keyed value and list state: {@code account → <rule>:<id>}.
     * The input is keyed by account, so it needs no repartition.
     */
    public static Pipeline fraud(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.values(input, new StringDeserializer()))
                .map(Transaction::fromJson).uid("parse-transaction")
                .reinterpretAsKeyed(Transaction::accountId, Serdes.String())
                .process(new FraudRules()).uid("fraud-rules")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    /**
     * Nexmark query 5, hot items: bids counted per auction in sliding 10 s windows every 2 s
     * (repartitioned by auction), then, per window (repartitioned by window start), the auctions
     * with the highest count: {@code <windowStart> → <windowStart>:<auction>:<count>}.
     *
     * <p>A window's counts carry its last millisecond as their time, which lies in exactly one
     * 2 s tumbling window of the second stage; that window fires on the same watermark as the
     * counts' window, once every count has arrived.
     */
    public static Pipeline hotItems(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        bids(builder, input)
                .map(NexmarkBid::auctionOf)
                .keyBy(auction -> auction, Serdes.Long(), Serdes.Long())
                .window(SlidingEventTimeWindows.of(WINDOW, SLIDE))
                .aggregate(new WindowedRegionCount.Count<>(), Serdes.Long(), new AuctionCount()).uid("q5-bids-per-auction")
                .keyBy(Scored::windowStart, Serdes.Long(), Scored.SERDE)
                .window(TumblingEventTimeWindows.of(SLIDE))
                .aggregate(Ties.of(Scored::score, Scored::label), Ties.SERDE, new Winners()).uid("q5-hottest")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    /**
     * Nexmark query 7, highest bid: per tumbling 10 s window, the highest bids of each auction
     * (repartitioned by auction), then the highest of those per window (repartitioned by window
     * start): {@code <windowStart> → <windowStart>:<auction>:<bidder>:<price>}. The first stage
     * spreads the work over tasks, where one global window would put every bid on one task.
     */
    public static Pipeline highestBid(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        bids(builder, input)
                .map(NexmarkBid::parse)
                .keyBy(NexmarkBid::auction, Serdes.Long(), BID_SERDE)
                .window(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(Ties.of(NexmarkBid::price, WeirPipelines::label), Ties.SERDE, new LeadersOfWindow())
                .uid("q7-highest-per-auction")
                .keyBy(Scored::windowStart, Serdes.Long(), Scored.SERDE)
                .window(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(Ties.of(Scored::score, Scored::label), Ties.SERDE, new Winners()).uid("q7-highest")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    /** The bids of the Nexmark input topic, in event time; persons and auctions are dropped. */
    private static DataStream<String> bids(PipelineBuilder builder, String input) {
        return builder.source(KafkaSource.values(input, new StringDeserializer()),
                        WatermarkStrategy.<String>forBoundedOutOfOrderness(OUT_OF_ORDERNESS))
                .filter(NexmarkBid::isBid);
    }

    private static KeyValue<String, String> identity(KeyValue<String, String> record) {
        return record;
    }

    private static String label(NexmarkBid bid) {
        return bid.auction() + ":" + bid.bidder() + ":" + bid.price();
    }

    private static byte[] serializeBid(String topic, NexmarkBid bid) {
        return bid == null ? null
                : ByteBuffer.allocate(3 * Long.BYTES).putLong(bid.auction()).putLong(bid.bidder()).putLong(bid.price())
                        .array();
    }

    private static NexmarkBid deserializeBid(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        return new NexmarkBid(buffer.getLong(), buffer.getLong(), buffer.getLong());
    }

    /** {@code key → <windowStart>:<count>}. */
    static final class CountLabel extends ProcessWindowFunction<Long, KeyValue<String, String>, String, TimeWindow> {

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<Long> counts,
                            Collector<KeyValue<String, String>> out) {
            for (Long count : counts) {
                out.collect(KeyValue.of(key, context.window().start() + ":" + count));
            }
        }
    }

    /** An auction's bid count in a window, scored by the count. */
    static final class AuctionCount extends ProcessWindowFunction<Long, Scored, Long, TimeWindow> {

        @Override
        public void process(Long auction, Context<TimeWindow> context, Iterable<Long> counts, Collector<Scored> out) {
            for (Long count : counts) {
                out.collect(new Scored(context.window().start(), count, auction + ":" + count));
            }
        }
    }

    /** An auction's highest bids in a window, scored by the price. */
    static final class LeadersOfWindow extends ProcessWindowFunction<Ties, Scored, Long, TimeWindow> {

        @Override
        public void process(Long auction, Context<TimeWindow> context, Iterable<Ties> leaders, Collector<Scored> out) {
            for (Ties ties : leaders) {
                for (String label : ties.labels()) {
                    out.collect(new Scored(context.window().start(), ties.score(), label));
                }
            }
        }
    }

    /** {@code <windowStart> → <windowStart>:<label>} for each of a window's winners; the key is the window start. */
    static final class Winners extends ProcessWindowFunction<Ties, KeyValue<String, String>, Long, TimeWindow> {

        @Override
        public void process(Long windowStart, Context<TimeWindow> context, Iterable<Ties> winners,
                            Collector<KeyValue<String, String>> out) {
            String key = Long.toString(windowStart);
            for (Ties ties : winners) {
                for (String label : ties.labels()) {
                    out.collect(KeyValue.of(key, key + ":" + label));
                }
            }
        }
    }
}
