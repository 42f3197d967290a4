package dev.weir.test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/** Prepares a log directory for a KRaft node, as {@code kafka-storage.sh format} does. */
final class KraftStorage {

    private KraftStorage() {
    }

    /**
     * Formats the directory for a new single-node cluster unless it already holds one.
     *
     * <p>An existing {@code meta.properties} is left alone: it carries the cluster id the
     * stored data belongs to, and formatting again with a new id would be refused.
     *
     * @param logDirectory the directory used for both the data and the metadata log
     * @return whether it was formatted now, i.e. everything in it was created by this call
     * @throws Exception if Kafka's formatter fails
     */
    static boolean formatIfNeeded(Path logDirectory) throws Exception {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return false;
        }
        Files.createDirectories(logDirectory);
        new Formatter()
                // The formatter reports to stdout; keep stdout free for whoever embeds us.
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(KraftBrokerConfig.NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .addDirectory(logDirectory.toString())
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName(KraftBrokerConfig.CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.latestProduction())
                // Without this list the formatter enables no feature at all, which leaves
                // e.g. transaction.version and group.version at 0.
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .run();
        return true;
    }
}
