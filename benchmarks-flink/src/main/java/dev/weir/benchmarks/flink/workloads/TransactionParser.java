package dev.weir.benchmarks.flink.workloads;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

import dev.weir.benchmarks.flink.KafkaText;

/** Reads a transaction from the record value's JSON. */
final class TransactionParser extends RichMapFunction<KafkaText, Transaction> {

    private static final long serialVersionUID = 1L;

    private transient ObjectMapper json;

    @Override
    public void open(OpenContext openContext) {
        json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public Transaction map(KafkaText record) throws Exception {
        return json.readValue(record.value(), Transaction.class);
    }
}
