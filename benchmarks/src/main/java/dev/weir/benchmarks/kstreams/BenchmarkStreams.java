package dev.weir.benchmarks.kstreams;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.weir.benchmarks.workloads.RunnerArguments;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;

/** Creates the Kafka Streams client of a benchmark run, not yet started. */
public final class BenchmarkStreams {

    private static final long DESCRIBE_TIMEOUT_SECONDS = 30;

    private BenchmarkStreams() {
    }

    /**
     * Builds the workload's topology and a client configured as the contract says.
     *
     * @param arguments the runner's arguments
     * @return a client, not started
     */
    public static KafkaStreams create(RunnerArguments arguments) {
        int inputPartitions = partitionsOf(arguments.bootstrapServers(), arguments.input());
        return new KafkaStreams(
                WorkloadTopologies.forWorkload(arguments.workload().label(), arguments.input(), arguments.output(),
                        inputPartitions),
                StreamsSettings.of(arguments));
    }

    private static int partitionsOf(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(DESCRIBE_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe the input topic " + topic, e);
        }
    }
}
