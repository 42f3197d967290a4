package dev.weir.test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of a single-node Kafka that is both broker and controller, tuned for tests.
 */
final class KraftBrokerConfig {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";

    private KraftBrokerConfig() {
    }

    /**
     * Builds the broker properties.
     *
     * @param brokerPort     port of the client listener
     * @param controllerPort port of the controller listener (the quorum of one)
     * @param logDirectory   directory for both the partition logs and the metadata log
     * @param overrides      user settings; they win over every default set here
     * @return properties for {@code KafkaConfig.fromProps}
     */
    static Properties properties(int brokerPort, int controllerPort, Path logDirectory,
            Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDirectory.toString());

        // Internal topics default to replication factor 3 and min ISR 2; on one node the
        // coordinators would wait for replicas that never come (initTransactions hangs).
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");

        // Fewer internal partitions: each one costs a log and a coordinator load at start.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.num.partitions", "5");

        // Tests want groups to form at once and to notice dead members quickly.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("group.min.session.timeout.ms", "1000");
        props.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");

        // A broker killed with SIGKILL and started again cannot register until its previous
        // registration has expired (DUPLICATE_BROKER_REGISTRATION); the default session of
        // 9 s would make every broker crash in a chaos test cost that long.
        props.put("broker.session.timeout.ms", "3000");
        props.put("broker.heartbeat.interval.ms", "500");

        // A misspelt topic name in a test should fail, not silently create a topic.
        props.put("auto.create.topics.enable", "false");

        // The log cleaner allocates this buffer on the heap up front (128 MiB by default);
        // several brokers in one test JVM would not fit.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));

        props.putAll(overrides);
        return props;
    }
}
