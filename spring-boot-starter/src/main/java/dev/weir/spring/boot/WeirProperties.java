package dev.weir.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.weir.config.ErrorPolicy;
import dev.weir.config.ProcessingGuarantee;
import dev.weir.config.RestartStrategy;
import dev.weir.config.WeirConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.unit.DataSize;

/**
 * The {@code weir.*} properties of a Weir application. Kafka's connection (bootstrap servers,
 * security) comes from Boot's {@code spring.kafka.*}; a {@code weir.*} setting wins over it.
 */
@ConfigurationProperties(prefix = "weir")
public class WeirProperties {

    /**
     * Consumer group id, prefix of internal topics and of transactional ids. Defaults to
     * spring.application.name.
     */
    private String applicationId;

    /** Kafka bootstrap servers, when Weir should use others than spring.kafka.bootstrap-servers. */
    private String bootstrapServers;

    /** Part of this instance's transactional ids; by default an id kept in the state directory. */
    private String instanceId;

    /** Where this instance keeps the RocksDB state of its tasks. Defaults to ${java.io.tmpdir}/weir. */
    private Path stateDir;

    /** Worker threads, each a group member with its own consumer and transactional producer. */
    private int workers = 1;

    /**
     * Key groups, fixed for the life of the state; every keyed topic's partition count must
     * divide it. Defaults to 40320 (8!), which 1 to 10, 12, 16, 24, 32, 48 and 64 divide.
     */
    private int keyGroups = WeirConfig.DEFAULT_KEY_GROUPS;

    /** Processing guarantee. */
    private ProcessingGuarantee processingGuarantee = ProcessingGuarantee.EXACTLY_ONCE;

    /**
     * The host:port at which this instance answers state queries, advertised to the other
     * instances. Defaults to weir.query.advertised-host and the port the web server listens on.
     */
    private String advertisedEndpoint;

    /** Start the runtime with the application context. */
    private boolean autoStartup = true;

    /** How long stopping may take: a last checkpoint, then leaving the group. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /**
     * Kafka client properties for Weir's clients: weir.kafka.[name] for every client,
     * weir.kafka.consumer.[name], weir.kafka.producer.[name] and weir.kafka.admin.[name] for one
     * kind. They win over spring.kafka.*.
     */
    private final Map<String, String> kafka = new LinkedHashMap<>();

    private final Checkpoint checkpoint = new Checkpoint();

    private final Errors errors = new Errors();

    private final Restart restart = new Restart();

    private final State state = new State();

    private final InternalTopics internalTopics = new InternalTopics();

    private final Repartition repartition = new Repartition();

    private final Transaction transaction = new Transaction();

    private final Watermark watermark = new Watermark();

    private final Query query = new Query();

    /**
     * Per input topic of the @WeirOperator beans: weir.sources.[topic].watermark.* gives the topic
     * event time, taken from its records' timestamps.
     */
    private final Map<String, Source> sources = new LinkedHashMap<>();

    /**
     * Applies every property that is set to {@code builder}; {@code applicationId} stands in for
     * a missing {@code weir.application-id}.
     */
    public void applyTo(WeirConfig.Builder builder, String fallbackApplicationId) {
        PropertyMapper map = PropertyMapper.get();
        map.from(applicationId != null ? applicationId : fallbackApplicationId).to(builder::applicationId);
        map.from(bootstrapServers).to(builder::bootstrapServers);
        map.from(instanceId).to(builder::instanceId);
        map.from(stateDir).to(builder::stateDir);
        map.from(workers).to(builder::workers);
        map.from(keyGroups).to(builder::keyGroups);
        map.from(processingGuarantee).to(builder::processingGuarantee);
        map.from(advertisedEndpoint).to(builder::advertisedEndpoint);
        map.from(checkpoint.interval).to(builder::checkpointInterval);
        map.from(checkpoint.timeout).to(builder::checkpointTimeout);
        map.from(checkpoint.minPause).to(builder::checkpointMinPause);
        map.from(checkpoint.tolerableFailures).to(builder::tolerableCheckpointFailures);
        map.from(errors.policy).to(builder::errorPolicy);
        map.from(errors.deadLetterTopic).to(builder::deadLetterTopic);
        builder.restartStrategy(restart.strategy());
        map.from(state.memory).as(DataSize::toBytes).to(builder::stateMemoryBytes);
        map.from(internalTopics.replicationFactor).to(builder::internalTopicReplicationFactor);
        map.from(repartition.partitions).to(builder::repartitionPartitions);
        map.from(transaction.timeout).to(builder::transactionTimeout);
        map.from(watermark.interval).to(builder::watermarkInterval);
        kafka.forEach((name, value) -> {
            if (name.startsWith("consumer.")) {
                builder.consumerProperty(name.substring("consumer.".length()), value);
            } else if (name.startsWith("producer.")) {
                builder.producerProperty(name.substring("producer.".length()), value);
            } else if (name.startsWith("admin.")) {
                builder.adminProperty(name.substring("admin.".length()), value);
            } else {
                builder.kafkaProperty(name, value);
            }
        });
    }

    /** {@code weir.application-id}. */
    public String getApplicationId() {
        return applicationId;
    }

    /** Sets {@code weir.application-id}. */
    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    /** {@code weir.bootstrap-servers}. */
    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** Sets {@code weir.bootstrap-servers}. */
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** {@code weir.instance-id}. */
    public String getInstanceId() {
        return instanceId;
    }

    /** Sets {@code weir.instance-id}. */
    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    /** {@code weir.state-dir}. */
    public Path getStateDir() {
        return stateDir;
    }

    /** Sets {@code weir.state-dir}. */
    public void setStateDir(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** {@code weir.workers}. */
    public int getWorkers() {
        return workers;
    }

    /** Sets {@code weir.workers}. */
    public void setWorkers(int workers) {
        this.workers = workers;
    }

    /** {@code weir.key-groups}. */
    public int getKeyGroups() {
        return keyGroups;
    }

    /** Sets {@code weir.key-groups}. */
    public void setKeyGroups(int keyGroups) {
        this.keyGroups = keyGroups;
    }

    /** {@code weir.processing-guarantee}. */
    public ProcessingGuarantee getProcessingGuarantee() {
        return processingGuarantee;
    }

    /** Sets {@code weir.processing-guarantee}. */
    public void setProcessingGuarantee(ProcessingGuarantee processingGuarantee) {
        this.processingGuarantee = processingGuarantee;
    }

    /** {@code weir.advertised-endpoint}. */
    public String getAdvertisedEndpoint() {
        return advertisedEndpoint;
    }

    /** Sets {@code weir.advertised-endpoint}. */
    public void setAdvertisedEndpoint(String advertisedEndpoint) {
        this.advertisedEndpoint = advertisedEndpoint;
    }

    /** {@code weir.auto-startup}. */
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Sets {@code weir.auto-startup}. */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** {@code weir.shutdown-timeout}. */
    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    /** Sets {@code weir.shutdown-timeout}. */
    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /** {@code weir.kafka.*}. */
    public Map<String, String> getKafka() {
        return kafka;
    }

    /** {@code weir.checkpoint}. */
    public Checkpoint getCheckpoint() {
        return checkpoint;
    }

    /** {@code weir.errors}. */
    public Errors getErrors() {
        return errors;
    }

    /** {@code weir.restart}. */
    public Restart getRestart() {
        return restart;
    }

    /** {@code weir.state}. */
    public State getState() {
        return state;
    }

    /** {@code weir.internal-topics}. */
    public InternalTopics getInternalTopics() {
        return internalTopics;
    }

    /** {@code weir.repartition}. */
    public Repartition getRepartition() {
        return repartition;
    }

    /** {@code weir.transaction}. */
    public Transaction getTransaction() {
        return transaction;
    }

    /** {@code weir.watermark}. */
    public Watermark getWatermark() {
        return watermark;
    }

    /** {@code weir.query}. */
    public Query getQuery() {
        return query;
    }

    /** {@code weir.sources}, by topic. */
    public Map<String, Source> getSources() {
        return sources;
    }

    /** {@code weir.sources.[topic].*}. */
    public static class Source {

        private final Watermark watermark = new Watermark();

        /** {@code weir.sources.[topic].watermark}. */
        public Watermark getWatermark() {
            return watermark;
        }

        /** {@code weir.sources.[topic].watermark.*}: the topic's event time. */
        public static class Watermark {

            /**
             * How far out of order record timestamps may arrive; setting it gives the topic event
             * time, from its records' timestamps.
             */
            private Duration outOfOrderness;

            /** A partition with nothing to read for this long stops holding back the watermark. */
            private Duration idleness;

            /** {@code weir.sources.[topic].watermark.out-of-orderness}. */
            public Duration getOutOfOrderness() {
                return outOfOrderness;
            }

            /** Sets {@code weir.sources.[topic].watermark.out-of-orderness}. */
            public void setOutOfOrderness(Duration outOfOrderness) {
                this.outOfOrderness = outOfOrderness;
            }

            /** {@code weir.sources.[topic].watermark.idleness}. */
            public Duration getIdleness() {
                return idleness;
            }

            /** Sets {@code weir.sources.[topic].watermark.idleness}. */
            public void setIdleness(Duration idleness) {
                this.idleness = idleness;
            }
        }
    }

    /** {@code weir.watermark.*}. */
    public static class Watermark {

        /**
         * Least time between two watermarks a task writes into the repartition topics it feeds;
         * shorter makes windows behind a repartition fire sooner, at the cost of more records.
         */
        private Duration interval = Duration.ofMillis(200);

        /** {@code weir.watermark.interval}. */
        public Duration getInterval() {
            return interval;
        }

        /** Sets {@code weir.watermark.interval}. */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** {@code weir.checkpoint.*}. */
    public static class Checkpoint {

        /** How often a checkpoint commits. Defaults to 100ms under exactly-once and 1s under at-least-once. */
        private Duration interval;

        /** A checkpoint that takes longer fails. */
        private Duration timeout = Duration.ofSeconds(60);

        /** Least time between the end of one checkpoint and the start of the next. */
        private Duration minPause = Duration.ZERO;

        /** Consecutive failed checkpoints a worker tolerates before it fails. */
        private int tolerableFailures = 3;

        /** {@code weir.checkpoint.interval}. */
        public Duration getInterval() {
            return interval;
        }

        /** Sets {@code weir.checkpoint.interval}. */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** {@code weir.checkpoint.timeout}. */
        public Duration getTimeout() {
            return timeout;
        }

        /** Sets {@code weir.checkpoint.timeout}. */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** {@code weir.checkpoint.min-pause}. */
        public Duration getMinPause() {
            return minPause;
        }

        /** Sets {@code weir.checkpoint.min-pause}. */
        public void setMinPause(Duration minPause) {
            this.minPause = minPause;
        }

        /** {@code weir.checkpoint.tolerable-failures}. */
        public int getTolerableFailures() {
            return tolerableFailures;
        }

        /** Sets {@code weir.checkpoint.tolerable-failures}. */
        public void setTolerableFailures(int tolerableFailures) {
            this.tolerableFailures = tolerableFailures;
        }
    }

    /** {@code weir.errors.*}. */
    public static class Errors {

        /** What happens to a record that cannot be deserialized or makes an operator throw. */
        private ErrorPolicy policy = ErrorPolicy.DEAD_LETTER;

        /** Dead-letter topic. Defaults to [application-id]-dlq. */
        private String deadLetterTopic;

        /** {@code weir.errors.policy}. */
        public ErrorPolicy getPolicy() {
            return policy;
        }

        /** Sets {@code weir.errors.policy}. */
        public void setPolicy(ErrorPolicy policy) {
            this.policy = policy;
        }

        /** {@code weir.errors.dead-letter-topic}. */
        public String getDeadLetterTopic() {
            return deadLetterTopic;
        }

        /** Sets {@code weir.errors.dead-letter-topic}. */
        public void setDeadLetterTopic(String deadLetterTopic) {
            this.deadLetterTopic = deadLetterTopic;
        }
    }

    /** {@code weir.restart.*}: what a worker does after an unexpected failure. */
    public static class Restart {

        /** Restart strategy. */
        private Strategy strategy = Strategy.FIXED_DELAY;

        private final FixedDelay fixedDelay = new FixedDelay();

        private final FailureRate failureRate = new FailureRate();

        /** The restart strategy these properties describe. */
        RestartStrategy strategy() {
            switch (strategy) {
                case NONE:
                    return RestartStrategy.none();
                case FAILURE_RATE:
                    return RestartStrategy.failureRate(failureRate.maxFailures, failureRate.interval, failureRate.delay);
                default:
                    return RestartStrategy.fixedDelay(fixedDelay.attempts, fixedDelay.delay);
            }
        }

        /** {@code weir.restart.strategy}. */
        public Strategy getStrategy() {
            return strategy;
        }

        /** Sets {@code weir.restart.strategy}. */
        public void setStrategy(Strategy strategy) {
            this.strategy = strategy;
        }

        /** {@code weir.restart.fixed-delay}. */
        public FixedDelay getFixedDelay() {
            return fixedDelay;
        }

        /** {@code weir.restart.failure-rate}. */
        public FailureRate getFailureRate() {
            return failureRate;
        }

        /** The restart strategies. */
        public enum Strategy {
            /** Restart after a fixed delay, a number of times. */
            FIXED_DELAY,
            /** Restart after a delay unless too many failures fall into an interval. */
            FAILURE_RATE,
            /** Never restart: a failed worker stays failed. */
            NONE
        }

        /** {@code weir.restart.fixed-delay.*}. */
        public static class FixedDelay {

            /** How many restarts are allowed. Defaults to no limit. */
            private int attempts = Integer.MAX_VALUE;

            /** Delay before each restart. */
            private Duration delay = Duration.ofSeconds(1);

            /** {@code weir.restart.fixed-delay.attempts}. */
            public int getAttempts() {
                return attempts;
            }

            /** Sets {@code weir.restart.fixed-delay.attempts}. */
            public void setAttempts(int attempts) {
                this.attempts = attempts;
            }

            /** {@code weir.restart.fixed-delay.delay}. */
            public Duration getDelay() {
                return delay;
            }

            /** Sets {@code weir.restart.fixed-delay.delay}. */
            public void setDelay(Duration delay) {
                this.delay = delay;
            }
        }

        /** {@code weir.restart.failure-rate.*}. */
        public static class FailureRate {

            /** Failures allowed within the interval. */
            private int maxFailures = 3;

            /** The interval failures are counted in. */
            private Duration interval = Duration.ofMinutes(5);

            /** Delay before each restart. */
            private Duration delay = Duration.ofSeconds(1);

            /** {@code weir.restart.failure-rate.max-failures}. */
            public int getMaxFailures() {
                return maxFailures;
            }

            /** Sets {@code weir.restart.failure-rate.max-failures}. */
            public void setMaxFailures(int maxFailures) {
                this.maxFailures = maxFailures;
            }

            /** {@code weir.restart.failure-rate.interval}. */
            public Duration getInterval() {
                return interval;
            }

            /** Sets {@code weir.restart.failure-rate.interval}. */
            public void setInterval(Duration interval) {
                this.interval = interval;
            }

            /** {@code weir.restart.failure-rate.delay}. */
            public Duration getDelay() {
                return delay;
            }

            /** Sets {@code weir.restart.failure-rate.delay}. */
            public void setDelay(Duration delay) {
                this.delay = delay;
            }
        }
    }

    /** {@code weir.state.*}. */
    public static class State {

        /** Block cache and write buffers of all RocksDB instances of this instance together. */
        private DataSize memory = DataSize.ofMegabytes(256);

        /** {@code weir.state.memory}. */
        public DataSize getMemory() {
            return memory;
        }

        /** Sets {@code weir.state.memory}. */
        public void setMemory(DataSize memory) {
            this.memory = memory;
        }
    }

    /** {@code weir.internal-topics.*}. */
    public static class InternalTopics {

        /** Replication factor of the changelog, repartition and dead-letter topics; -1 for the broker's default. */
        private short replicationFactor = -1;

        /** {@code weir.internal-topics.replication-factor}. */
        public short getReplicationFactor() {
            return replicationFactor;
        }

        /** Sets {@code weir.internal-topics.replication-factor}. */
        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }
    }

    /** {@code weir.repartition.*}. */
    public static class Repartition {

        /** Partition count of repartition topics; 0 gives each its upstream stage's partition count. */
        private int partitions;

        /** {@code weir.repartition.partitions}. */
        public int getPartitions() {
            return partitions;
        }

        /** Sets {@code weir.repartition.partitions}. */
        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }
    }

    /** {@code weir.transaction.*}. */
    public static class Transaction {

        /** How long a dead instance's open transaction can hold back read_committed readers. */
        private Duration timeout = Duration.ofSeconds(10);

        /** {@code weir.transaction.timeout}. */
        public Duration getTimeout() {
            return timeout;
        }

        /** Sets {@code weir.transaction.timeout}. */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** {@code weir.query.*}: state queries over HTTP. */
    public static class Query {

        /** Serve state queries over HTTP (in a servlet web application). */
        private boolean enabled = true;

        /** The path under which state queries are served: [path]/[operator]/[state]/[key]. */
        private String path = "/weir/state";

        /** The host advertised to the other instances. Defaults to this machine's address. */
        private String advertisedHost;

        /** How long a query may wait for the worker that owns the key, or for the instance it is forwarded to. */
        private Duration timeout = Duration.ofSeconds(5);

        /** {@code weir.query.enabled}. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets {@code weir.query.enabled}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@code weir.query.path}. */
        public String getPath() {
            return path;
        }

        /** Sets {@code weir.query.path}. */
        public void setPath(String path) {
            this.path = path;
        }

        /** {@code weir.query.advertised-host}. */
        public String getAdvertisedHost() {
            return advertisedHost;
        }

        /** Sets {@code weir.query.advertised-host}. */
        public void setAdvertisedHost(String advertisedHost) {
            this.advertisedHost = advertisedHost;
        }

        /** {@code weir.query.timeout}. */
        public Duration getTimeout() {
            return timeout;
        }

        /** Sets {@code weir.query.timeout}. */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
