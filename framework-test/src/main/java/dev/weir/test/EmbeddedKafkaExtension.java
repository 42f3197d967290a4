package dev.weir.test;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs one {@link EmbeddedKafkaCluster} for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
 *
 * @Test
 * void countsEveryKey() {
 *     KAFKA.createTopic("events", 6);
 *     ... KAFKA.bootstrapServers() ...
 * }
 * }</pre>
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafkaCluster cluster;

    /** Creates the extension; the broker starts before the first test of the class. */
    public EmbeddedKafkaExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = EmbeddedKafkaCluster.builder().build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The broker's bootstrap servers. */
    public String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    /** Creates a topic and waits until its partitions have leaders. */
    public void createTopic(String name, int partitions) {
        cluster().createTopic(name, partitions);
    }

    /** Creates a topic with topic configs and waits until its partitions have leaders. */
    public void createTopic(String name, int partitions, Map<String, String> topicConfigs) {
        cluster().createTopic(name, partitions, topicConfigs);
    }

    /** The running cluster, for what this extension does not forward. */
    public EmbeddedKafkaCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the broker starts before the first test: register the extension "
                    + "on a static field with @RegisterExtension");
        }
        return cluster;
    }
}
