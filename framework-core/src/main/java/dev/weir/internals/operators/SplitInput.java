package dev.weir.internals.operators;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The entry of one source split into its task's operators. */
public interface SplitInput {

    /** Processes one consumed record through the task's operators. */
    void process(ConsumerRecord<byte[], byte[]> record);
}
