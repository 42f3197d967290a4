package dev.weir.sample.fraud;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Logs every alert the pipeline committed, read back from the alerts topic with
 * {@code read_committed}: the log shows each alert once, however often an instance failed, since
 * an alert of an aborted checkpoint is never visible. The instances share the work as one group.
 */
@Component
class AlertLog {

    private static final Logger LOG = LoggerFactory.getLogger(AlertLog.class);

    @KafkaListener(topics = "${fraud.topics.alerts:fraud-alerts}", groupId = "${spring.application.name}-alert-log",
            properties = {"isolation.level=read_committed", "auto.offset.reset=earliest"})
    void onAlert(ConsumerRecord<String, String> alert) {
        LOG.warn("FRAUD ALERT on account {}: {}", alert.key(), alert.value());
    }
}
