package dev.weir.internals.operators;

import dev.weir.kafka.KafkaRecordSerializer;

/** Serializes elements into records of a Kafka topic. */
public final class SinkOperator<T> implements Output<T> {

    private final String uid;
    private final String topic;
    private final KafkaRecordSerializer<T> serializer;
    private final TaskContext task;

    public SinkOperator(String uid, String topic, KafkaRecordSerializer<T> serializer, TaskContext task) {
        this.uid = uid;
        this.topic = topic;
        this.serializer = serializer;
        this.task = task;
    }

    @Override
    public void push(T element) {
        byte[] key;
        byte[] value;
        try {
            key = serializer.serializeKey(topic, element);
            value = serializer.serializeValue(topic, element);
        } catch (RuntimeException e) {
            throw OperatorException.wrap(uid, e);
        }
        task.sink().send(topic, null, key, value, task.currentTimestamp());
    }
}
