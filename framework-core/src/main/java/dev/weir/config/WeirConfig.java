package dev.weir.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of one Weir instance. Build it with {@link #custom()} or from {@code weir.*}
 * properties with {@link #fromProperties(Map)}; {@link Builder#build()} validates everything and
 * names the property at fault.
 *
 * <pre>{@code
 * WeirConfig config = WeirConfig.custom()
 *         .applicationId("fraud-detector")
 *         .bootstrapServers("localhost:9092")
 *         .workers(2)
 *         .build();
 * }</pre>
 */
public final class WeirConfig {

    /** The default number of key groups: 8!, divisible by every partition count up to 10 and by 12, 16, 24, 32, 48, 64. */
    public static final int DEFAULT_KEY_GROUPS = 40_320;

    private final String applicationId;
    private final String bootstrapServers;
    private final String instanceId;
    private final Path stateDir;
    private final int workers;
    private final int keyGroups;
    private final ProcessingGuarantee processingGuarantee;
    private final Duration checkpointInterval;
    private final Duration checkpointTimeout;
    private final Duration checkpointMinPause;
    private final int tolerableCheckpointFailures;
    private final Duration watermarkInterval;
    private final ErrorPolicy errorPolicy;
    private final String deadLetterTopic;
    private final RestartStrategy restartStrategy;
    private final long stateMemoryBytes;
    private final short internalTopicReplicationFactor;
    private final int repartitionPartitions;
    private final Duration transactionTimeout;
    private final String advertisedEndpoint;
    private final Map<String, Object> kafkaProperties;
    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> producerProperties;
    private final Map<String, Object> adminProperties;

    private WeirConfig(Builder b) {
        this.applicationId = b.applicationId;
        this.bootstrapServers = b.bootstrapServers;
        this.instanceId = b.instanceId;
        this.stateDir = b.stateDir;
        this.workers = b.workers;
        this.keyGroups = b.keyGroups;
        this.processingGuarantee = b.processingGuarantee;
        this.checkpointInterval = b.checkpointInterval != null ? b.checkpointInterval
                : b.processingGuarantee == ProcessingGuarantee.EXACTLY_ONCE ? Duration.ofMillis(100) : Duration.ofSeconds(1);
        this.checkpointTimeout = b.checkpointTimeout;
        this.checkpointMinPause = b.checkpointMinPause;
        this.tolerableCheckpointFailures = b.tolerableCheckpointFailures;
        this.watermarkInterval = b.watermarkInterval;
        this.errorPolicy = b.errorPolicy;
        this.deadLetterTopic = b.deadLetterTopic != null ? b.deadLetterTopic : b.applicationId + "-dlq";
        this.restartStrategy = b.restartStrategy;
        this.stateMemoryBytes = b.stateMemoryBytes;
        this.internalTopicReplicationFactor = b.internalTopicReplicationFactor;
        this.repartitionPartitions = b.repartitionPartitions;
        this.transactionTimeout = b.transactionTimeout;
        this.advertisedEndpoint = b.advertisedEndpoint;
        this.kafkaProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.kafkaProperties));
        this.consumerProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.consumerProperties));
        this.producerProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.producerProperties));
        this.adminProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.adminProperties));
    }

    /** A builder with every default set. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding every setting of {@code config}, to derive a changed configuration from it. */
    public static Builder from(WeirConfig config) {
        Builder b = new Builder();
        b.applicationId = config.applicationId;
        b.bootstrapServers = config.bootstrapServers;
        b.instanceId = config.instanceId;
        b.stateDir = config.stateDir;
        b.workers = config.workers;
        b.keyGroups = config.keyGroups;
        b.processingGuarantee = config.processingGuarantee;
        b.checkpointInterval = config.checkpointInterval;
        b.checkpointTimeout = config.checkpointTimeout;
        b.checkpointMinPause = config.checkpointMinPause;
        b.tolerableCheckpointFailures = config.tolerableCheckpointFailures;
        b.watermarkInterval = config.watermarkInterval;
        b.errorPolicy = config.errorPolicy;
        b.deadLetterTopic = config.deadLetterTopic;
        b.restartStrategy = config.restartStrategy;
        b.stateMemoryBytes = config.stateMemoryBytes;
        b.internalTopicReplicationFactor = config.internalTopicReplicationFactor;
        b.repartitionPartitions = config.repartitionPartitions;
        b.transactionTimeout = config.transactionTimeout;
        b.advertisedEndpoint = config.advertisedEndpoint;
        b.kafkaProperties.putAll(config.kafkaProperties);
        b.consumerProperties.putAll(config.consumerProperties);
        b.producerProperties.putAll(config.producerProperties);
        b.adminProperties.putAll(config.adminProperties);
        return b;
    }

    /**
     * A configuration from {@code weir.*} properties, for example those of a properties file.
     * Values are strings (or already typed objects); durations read as {@code 100ms}, {@code 10s},
     * {@code 5m} or ISO-8601; sizes as {@code 256MB}. An unknown {@code weir.*} key is an error,
     * so that a typo does not go unnoticed.
     */
    public static WeirConfig fromProperties(Map<String, ?> properties) {
        return WeirProperties.apply(properties, custom()).build();
    }

    /** {@code weir.application-id}: group id, and prefix of internal topics and transactional ids. */
    public String applicationId() {
        return applicationId;
    }

    /** {@code weir.bootstrap-servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code weir.instance-id}; when absent, an id kept in the state directory is used. */
    public Optional<String> instanceId() {
        return Optional.ofNullable(instanceId);
    }

    /** {@code weir.state-dir}: where this instance keeps its RocksDB state. */
    public Path stateDir() {
        return stateDir;
    }

    /** {@code weir.workers}: worker threads, each with its own consumer and transactional producer. */
    public int workers() {
        return workers;
    }

    /** {@code weir.key-groups}: fixed for the life of the application's state. */
    public int keyGroups() {
        return keyGroups;
    }

    /** {@code weir.processing-guarantee}. */
    public ProcessingGuarantee processingGuarantee() {
        return processingGuarantee;
    }

    /** {@code weir.checkpoint.interval}: 100 ms under exactly-once, 1 s under at-least-once unless set. */
    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    /** {@code weir.checkpoint.timeout}: a checkpoint that takes longer fails. */
    public Duration checkpointTimeout() {
        return checkpointTimeout;
    }

    /** {@code weir.checkpoint.min-pause}: the least time from the end of one checkpoint to the start of the next. */
    public Duration checkpointMinPause() {
        return checkpointMinPause;
    }

    /** {@code weir.checkpoint.tolerable-failures}: consecutive failed checkpoints before the worker fails. */
    public int tolerableCheckpointFailures() {
        return tolerableCheckpointFailures;
    }

    /**
     * {@code weir.watermark.interval}: the least time between two watermarks a task writes into
     * the repartition topics it feeds, 200 ms unless set.
     */
    public Duration watermarkInterval() {
        return watermarkInterval;
    }

    /** {@code weir.errors.policy}. */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** {@code weir.errors.dead-letter-topic}: {@code <application-id>-dlq} unless set. */
    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    /** {@code weir.restart.*}. */
    public RestartStrategy restartStrategy() {
        return restartStrategy;
    }

    /** {@code weir.state.memory}: block cache and write buffers of all RocksDB instances together. */
    public long stateMemoryBytes() {
        return stateMemoryBytes;
    }

    /** {@code weir.internal-topics.replication-factor}: -1 for the broker's default. */
    public short internalTopicReplicationFactor() {
        return internalTopicReplicationFactor;
    }

    /** {@code weir.repartition.partitions}: 0 to give a repartition topic its upstream stage's partition count. */
    public int repartitionPartitions() {
        return repartitionPartitions;
    }

    /** {@code weir.transaction.timeout}: how long a dead instance's open transaction can hold readers back. */
    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    /**
     * {@code weir.advertised-endpoint}: the {@code host:port} at which this instance answers
     * state queries, advertised to the other instances through the consumer group.
     */
    public Optional<String> advertisedEndpoint() {
        return Optional.ofNullable(advertisedEndpoint);
    }

    /** {@code weir.kafka.*}: client properties for every client (security, for example). */
    public Map<String, Object> kafkaProperties() {
        return kafkaProperties;
    }

    /** {@code weir.kafka.consumer.*}. */
    public Map<String, Object> consumerProperties() {
        return consumerProperties;
    }

    /** {@code weir.kafka.producer.*}. */
    public Map<String, Object> producerProperties() {
        return producerProperties;
    }

    /** {@code weir.kafka.admin.*}. */
    public Map<String, Object> adminProperties() {
        return adminProperties;
    }

    @Override
    public String toString() {
        return "WeirConfig{application-id=" + applicationId + ", bootstrap-servers=" + bootstrapServers
                + ", workers=" + workers + ", key-groups=" + keyGroups
                + ", processing-guarantee=" + processingGuarantee.propertyValue()
                + ", checkpoint.interval=" + checkpointInterval + ", errors.policy=" + errorPolicy.propertyValue()
                + ", restart=" + restartStrategy + ", state-dir=" + stateDir + "}";
    }

    /** Builds a {@link WeirConfig}; {@link #build()} validates. */
    public static final class Builder {

        private String applicationId;
        private String bootstrapServers;
        private String instanceId;
        private Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "weir");
        private int workers = 1;
        private int keyGroups = DEFAULT_KEY_GROUPS;
        private ProcessingGuarantee processingGuarantee = ProcessingGuarantee.EXACTLY_ONCE;
        private Duration checkpointInterval;
        private Duration checkpointTimeout = Duration.ofSeconds(60);
        private Duration checkpointMinPause = Duration.ZERO;
        private int tolerableCheckpointFailures = 3;
        private Duration watermarkInterval = Duration.ofMillis(200);
        private ErrorPolicy errorPolicy = ErrorPolicy.DEAD_LETTER;
        private String deadLetterTopic;
        private RestartStrategy restartStrategy = RestartStrategy.fixedDelay(Integer.MAX_VALUE, Duration.ofSeconds(1));
        private long stateMemoryBytes = 256L * 1024 * 1024;
        private short internalTopicReplicationFactor = -1;
        private int repartitionPartitions;
        private Duration transactionTimeout = Duration.ofSeconds(10);
        private String advertisedEndpoint;
        private final Map<String, Object> kafkaProperties = new LinkedHashMap<>();
        private final Map<String, Object> consumerProperties = new LinkedHashMap<>();
        private final Map<String, Object> producerProperties = new LinkedHashMap<>();
        private final Map<String, Object> adminProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code weir.application-id}. */
        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        /** Sets {@code weir.bootstrap-servers}. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /** Sets {@code weir.instance-id}. */
        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        /** Sets {@code weir.state-dir}. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        /** Sets {@code weir.workers}. */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Sets {@code weir.key-groups}. */
        public Builder keyGroups(int keyGroups) {
            this.keyGroups = keyGroups;
            return this;
        }

        /** Sets {@code weir.processing-guarantee}. */
        public Builder processingGuarantee(ProcessingGuarantee processingGuarantee) {
            this.processingGuarantee = processingGuarantee;
            return this;
        }

        /** Sets {@code weir.checkpoint.interval}. */
        public Builder checkpointInterval(Duration checkpointInterval) {
            this.checkpointInterval = checkpointInterval;
            return this;
        }

        /** Sets {@code weir.checkpoint.timeout}. */
        public Builder checkpointTimeout(Duration checkpointTimeout) {
            this.checkpointTimeout = checkpointTimeout;
            return this;
        }

        /** Sets {@code weir.checkpoint.min-pause}. */
        public Builder checkpointMinPause(Duration checkpointMinPause) {
            this.checkpointMinPause = checkpointMinPause;
            return this;
        }

        /** Sets {@code weir.watermark.interval}. */
        public Builder watermarkInterval(Duration watermarkInterval) {
            this.watermarkInterval = watermarkInterval;
            return this;
        }

        /** Sets {@code weir.checkpoint.tolerable-failures}. */
        public Builder tolerableCheckpointFailures(int tolerableCheckpointFailures) {
            this.tolerableCheckpointFailures = tolerableCheckpointFailures;
            return this;
        }

        /** Sets {@code weir.errors.policy}. */
        public Builder errorPolicy(ErrorPolicy errorPolicy) {
            this.errorPolicy = errorPolicy;
            return this;
        }

        /** Sets {@code weir.errors.dead-letter-topic}. */
        public Builder deadLetterTopic(String deadLetterTopic) {
            this.deadLetterTopic = deadLetterTopic;
            return this;
        }

        /** Sets {@code weir.restart.*}. */
        public Builder restartStrategy(RestartStrategy restartStrategy) {
            this.restartStrategy = restartStrategy;
            return this;
        }

        /** Sets {@code weir.state.memory}. */
        public Builder stateMemoryBytes(long stateMemoryBytes) {
            this.stateMemoryBytes = stateMemoryBytes;
            return this;
        }

        /** Sets {@code weir.internal-topics.replication-factor}. */
        public Builder internalTopicReplicationFactor(short replicationFactor) {
            this.internalTopicReplicationFactor = replicationFactor;
            return this;
        }

        /** Sets {@code weir.repartition.partitions}. */
        public Builder repartitionPartitions(int repartitionPartitions) {
            this.repartitionPartitions = repartitionPartitions;
            return this;
        }

        /** Sets {@code weir.transaction.timeout}. */
        public Builder transactionTimeout(Duration transactionTimeout) {
            this.transactionTimeout = transactionTimeout;
            return this;
        }

        /** Sets {@code weir.advertised-endpoint}, {@code host:port}; {@code null} advertises none. */
        public Builder advertisedEndpoint(String advertisedEndpoint) {
            this.advertisedEndpoint = advertisedEndpoint;
            return this;
        }

        /** Adds a client property for every Kafka client ({@code weir.kafka.<name>}). */
        public Builder kafkaProperty(String name, Object value) {
            kafkaProperties.put(name, value);
            return this;
        }

        /** Adds a consumer property ({@code weir.kafka.consumer.<name>}). */
        public Builder consumerProperty(String name, Object value) {
            consumerProperties.put(name, value);
            return this;
        }

        /** Adds a producer property ({@code weir.kafka.producer.<name>}). */
        public Builder producerProperty(String name, Object value) {
            producerProperties.put(name, value);
            return this;
        }

        /** Adds an admin client property ({@code weir.kafka.admin.<name>}). */
        public Builder adminProperty(String name, Object value) {
            adminProperties.put(name, value);
            return this;
        }

        /** Validates and builds; a mistake throws {@link WeirConfigException} naming the property. */
        public WeirConfig build() {
            if (applicationId == null || applicationId.isBlank()) {
                throw new WeirConfigException("weir.application-id", "is required: it names the consumer group, "
                        + "the internal topics and the transactional ids of the application");
            }
            if (!applicationId.matches("[A-Za-z0-9._-]+")) {
                throw new WeirConfigException("weir.application-id", "'" + applicationId
                        + "' may use only letters, digits, '.', '_' and '-', since it prefixes topic names");
            }
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new WeirConfigException("weir.bootstrap-servers", "is required, for example localhost:9092");
            }
            if (instanceId != null && !instanceId.matches("[A-Za-z0-9._-]+")) {
                throw new WeirConfigException("weir.instance-id", "'" + instanceId
                        + "' may use only letters, digits, '.', '_' and '-', since it is part of transactional ids");
            }
            Objects.requireNonNull(stateDir, "stateDir");
            if (workers < 1) {
                throw new WeirConfigException("weir.workers", "must be at least 1, was " + workers);
            }
            if (keyGroups < 1 || keyGroups > 65_536) {
                throw new WeirConfigException("weir.key-groups", "must be between 1 and 65536, was " + keyGroups);
            }
            Objects.requireNonNull(processingGuarantee, "processingGuarantee");
            requirePositive("weir.checkpoint.interval", checkpointInterval, true);
            requirePositive("weir.checkpoint.timeout", checkpointTimeout, false);
            requirePositive("weir.transaction.timeout", transactionTimeout, false);
            requirePositive("weir.watermark.interval", watermarkInterval, false);
            if (checkpointMinPause == null || checkpointMinPause.isNegative()) {
                throw new WeirConfigException("weir.checkpoint.min-pause", "must not be negative, was " + checkpointMinPause);
            }
            if (tolerableCheckpointFailures < 0) {
                throw new WeirConfigException("weir.checkpoint.tolerable-failures",
                        "must not be negative, was " + tolerableCheckpointFailures);
            }
            Objects.requireNonNull(errorPolicy, "errorPolicy");
            if (deadLetterTopic != null && !deadLetterTopic.matches("[A-Za-z0-9._-]+")) {
                throw new WeirConfigException("weir.errors.dead-letter-topic", "'" + deadLetterTopic + "' is not a valid topic name");
            }
            Objects.requireNonNull(restartStrategy, "restartStrategy");
            if (stateMemoryBytes < 16L * 1024 * 1024) {
                throw new WeirConfigException("weir.state.memory", "must be at least 16MB, was " + stateMemoryBytes + " bytes");
            }
            if (internalTopicReplicationFactor == 0 || internalTopicReplicationFactor < -1) {
                throw new WeirConfigException("weir.internal-topics.replication-factor",
                        "must be -1 (broker default) or at least 1, was " + internalTopicReplicationFactor);
            }
            if (repartitionPartitions < 0) {
                throw new WeirConfigException("weir.repartition.partitions",
                        "must be 0 (as upstream) or positive, was " + repartitionPartitions);
            }
            if (repartitionPartitions > 0 && keyGroups % repartitionPartitions != 0) {
                throw new WeirConfigException("weir.repartition.partitions", repartitionPartitions
                        + " partitions do not divide weir.key-groups=" + keyGroups);
            }
            if (advertisedEndpoint != null && !advertisedEndpoint.matches("[^\\s:/]+:\\d{1,5}")) {
                throw new WeirConfigException("weir.advertised-endpoint", "'" + advertisedEndpoint
                        + "' is not host:port, such as 10.0.0.7:8080");
            }
            return new WeirConfig(this);
        }

        private static void requirePositive(String property, Duration value, boolean nullAllowed) {
            if (value == null ? !nullAllowed : value.isNegative() || value.isZero()) {
                throw new WeirConfigException(property, "must be a positive duration, was " + value);
            }
        }
    }
}
