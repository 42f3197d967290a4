package dev.weir.sample.fraud;

import java.util.List;

import dev.weir.spring.boot.WeirRuntimeLifecycle;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the {@link TransactionGenerator} in a thread of its own, sending each transaction as JSON
 * to the transactions topic, keyed by account. Starts after the Weir runtime.
 */
public class TransactionGeneratorRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionGeneratorRunner.class);

    private final TransactionGenerator generator;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String topic;
    private volatile boolean stopRequested;
    private volatile Thread thread;

    /** Sends what {@code generator} makes to {@code topic} through {@code kafka}. */
    public TransactionGeneratorRunner(TransactionGenerator generator, KafkaTemplate<String, String> kafka,
                                      JsonMapper json, String topic) {
        this.generator = generator;
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
    }

    @Override
    public synchronized void start() {
        stopRequested = false;
        Thread running = new Thread(this::generate, "fraud-transaction-generator");
        running.setDaemon(true);
        thread = running;
        running.start();
    }

    private void generate() {
        LOG.info("Generating transactions into '{}', with fraud patterns among them", topic);
        try {
            // The record's timestamp is the transaction's: the velocity rule's windows follow it.
            generator.run(t -> kafka.send(new ProducerRecord<>(topic, null, t.timestamp(), t.accountId(),
                    json.writeValueAsString(t))), () -> stopRequested);
            kafka.flush();
            LOG.info("The generator is done: {} transactions, {} patterns", generator.transactions(),
                    generator.injected().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The transaction generator failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        stopRequested = true;
        Thread running = thread;
        if (running != null) {
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    @Override
    public int getPhase() {
        return WeirRuntimeLifecycle.PHASE + 1;
    }

    /** The patterns injected so far. */
    public List<TransactionGenerator.Pattern> injected() {
        return generator.injected();
    }

    /** Whether the generator has finished its patterns ({@code fraud.generator.patterns}). */
    public boolean finished() {
        Thread running = thread;
        return running != null && !running.isAlive() && !stopRequested;
    }
}
