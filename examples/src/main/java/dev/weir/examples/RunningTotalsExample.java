package dev.weir.examples;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.weir.config.WeirConfig;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.EmbeddedKafkaCluster;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs {@link CustomerTotals} on a real Kafka broker started in this process: generates orders
 * (and a few malformed ones, which go to the dead-letter topic), and prints what the pipeline
 * commits to {@code totals}, read with {@code read_committed}. Runs for the number of seconds
 * given as the first argument (default 20).
 */
public final class RunningTotalsExample {

    private RunningTotalsExample() {
    }

    /** Entry point: {@code [seconds]}. */
    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start()) {
            kafka.createTopic("orders", 6);
            kafka.createTopic("totals", 6);
            WeirConfig config = WeirConfig.custom()
                    .applicationId("running-totals-example")
                    .bootstrapServers(kafka.bootstrapServers())
                    .stateDir(Files.createTempDirectory("weir-example"))
                    .build();
            System.out.println("Kafka is at " + kafka.bootstrapServers() + "; starting the pipeline:\n"
                    + CustomerTotals.pipeline("orders", "totals", 3_000).describe());
            try (WeirRuntime runtime = new WeirRuntime(CustomerTotals.pipeline("orders", "totals", 3_000), config);
                 KafkaProducer<String, String> producer = producer(kafka.bootstrapServers());
                 KafkaConsumer<String, String> reader = reader(kafka.bootstrapServers())) {
                runtime.start();
                reader.subscribe(List.of("totals"));
                Random random = new Random(42);
                long start = System.currentTimeMillis();
                long end = start + seconds * 1000;
                int n = 0;
                while (System.currentTimeMillis() < end) {
                    // customer-4 stops ordering halfway, so its quiet timer fires.
                    boolean firstHalf = System.currentTimeMillis() < start + seconds * 500;
                    String customer = "customer-" + random.nextInt(firstHalf ? 5 : 4);
                    String value = n % 50 == 49 ? "{not json"
                            : String.format("{\"orderId\":\"o-%d\",\"customer\":\"%s\",\"product\":\"p-%d\",\"amount\":%.2f}",
                            n, customer, random.nextInt(3), 5 + random.nextDouble() * 95);
                    producer.send(new ProducerRecord<>("orders", customer, value));
                    n++;
                    for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                        System.out.println(r.key() + ": " + r.value());
                    }
                }
                System.out.printf("Sent %d orders; %d malformed ones went to the dead-letter topic %s%n",
                        n, runtime.deadLetteredRecords(), config.deadLetterTopic());
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> reader(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "running-totals-example-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
