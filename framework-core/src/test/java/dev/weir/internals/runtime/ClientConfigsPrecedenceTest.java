package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.config.WeirConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ClientConfigsPrecedenceTest {

    @Test
    void propertiesForEveryClientWinOverWeirDefaults() {
        ClientConfigs clients = new ClientConfigs(WeirConfig.custom().applicationId("billing")
                .bootstrapServers("localhost:9092")
                .kafkaProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000)
                .kafkaProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100)
                .kafkaProperty(ProducerConfig.LINGER_MS_CONFIG, 20)
                .build());

        assertThat(clients.mainConsumer("c", "app-a1-0", new Object()))
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        assertThat(clients.producer("p", "t")).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20);
    }
}
