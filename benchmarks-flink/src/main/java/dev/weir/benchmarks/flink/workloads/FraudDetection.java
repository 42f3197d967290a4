package dev.weir.benchmarks.flink.workloads;

import org.apache.flink.streaming.api.datastream.DataStream;

import dev.weir.benchmarks.flink.KafkaText;

/**
 * The fraud workload: JSON transactions keyed by account, checked by {@link FraudRules} in a
 * KeyedProcessFunction with the account's state in RocksDB.
 */
public final class FraudDetection {

    private FraudDetection() {
    }

    /**
     * Adds parsing and the per-account rules to the job.
     *
     * @param input the transactions, keyed by account id
     * @return one record per alert, with the timestamp of the transaction that raised it
     */
    public static DataStream<KafkaText> apply(DataStream<KafkaText> input) {
        return input
                .map(new TransactionParser())
                .name("parse-transaction")
                .uid("parse-transaction")
                .keyBy(Transaction::accountId)
                .process(new FraudRules())
                .name("fraud-rules")
                .uid("fraud-rules");
    }
}
