package dev.weir.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code weir.*} properties into a {@link WeirConfig.Builder}. */
final class WeirProperties {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?");
    private static final String KAFKA = "weir.kafka.";

    private WeirProperties() {
    }

    static WeirConfig.Builder apply(Map<String, ?> properties, WeirConfig.Builder b) {
        String strategy = string(properties, "weir.restart.strategy", "fixed-delay");
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (!key.startsWith("weir.") || value == null) {
                continue;
            }
            switch (key) {
                case "weir.application-id": b.applicationId(value.toString()); break;
                case "weir.bootstrap-servers": b.bootstrapServers(value.toString()); break;
                case "weir.instance-id": b.instanceId(value.toString()); break;
                case "weir.state-dir": b.stateDir(Path.of(value.toString())); break;
                case "weir.workers": b.workers(integer(key, value)); break;
                case "weir.key-groups": b.keyGroups(integer(key, value)); break;
                case "weir.processing-guarantee":
                    b.processingGuarantee(enumValue(key, value, ProcessingGuarantee.values(), ProcessingGuarantee::propertyValue));
                    break;
                case "weir.checkpoint.interval": b.checkpointInterval(duration(key, value)); break;
                case "weir.checkpoint.timeout": b.checkpointTimeout(duration(key, value)); break;
                case "weir.checkpoint.min-pause": b.checkpointMinPause(duration(key, value)); break;
                case "weir.watermark.interval": b.watermarkInterval(duration(key, value)); break;
                case "weir.checkpoint.tolerable-failures": b.tolerableCheckpointFailures(integer(key, value)); break;
                case "weir.errors.policy":
                    b.errorPolicy(enumValue(key, value, ErrorPolicy.values(), ErrorPolicy::propertyValue));
                    break;
                case "weir.errors.dead-letter-topic": b.deadLetterTopic(value.toString()); break;
                case "weir.state.memory": b.stateMemoryBytes(size(key, value)); break;
                case "weir.internal-topics.replication-factor":
                    b.internalTopicReplicationFactor(replicationFactor(key, value));
                    break;
                case "weir.repartition.partitions": b.repartitionPartitions(integer(key, value)); break;
                case "weir.transaction.timeout": b.transactionTimeout(duration(key, value)); break;
                case "weir.advertised-endpoint": b.advertisedEndpoint(value.toString()); break;
                case "weir.restart.strategy":
                case "weir.restart.fixed-delay.attempts":
                case "weir.restart.fixed-delay.delay":
                case "weir.restart.failure-rate.max-failures":
                case "weir.restart.failure-rate.interval":
                case "weir.restart.failure-rate.delay":
                    break;
                default:
                    applyKafkaProperty(b, key, value);
            }
        }
        b.restartStrategy(restartStrategy(properties, strategy));
        return b;
    }

    private static void applyKafkaProperty(WeirConfig.Builder b, String key, Object value) {
        if (key.startsWith(KAFKA + "consumer.")) {
            b.consumerProperty(key.substring((KAFKA + "consumer.").length()), value);
        } else if (key.startsWith(KAFKA + "producer.")) {
            b.producerProperty(key.substring((KAFKA + "producer.").length()), value);
        } else if (key.startsWith(KAFKA + "admin.")) {
            b.adminProperty(key.substring((KAFKA + "admin.").length()), value);
        } else if (key.startsWith(KAFKA)) {
            b.kafkaProperty(key.substring(KAFKA.length()), value);
        } else {
            throw new WeirConfigException(key, "is not a Weir property");
        }
    }

    private static RestartStrategy restartStrategy(Map<String, ?> properties, String strategy) {
        Map<String, Object> p = new HashMap<>(properties);
        switch (strategy) {
            case "fixed-delay":
                return RestartStrategy.fixedDelay(
                        atLeast("weir.restart.fixed-delay.attempts", p.getOrDefault("weir.restart.fixed-delay.attempts", Integer.MAX_VALUE), 0),
                        notNegative("weir.restart.fixed-delay.delay", p.getOrDefault("weir.restart.fixed-delay.delay", "1s")));
            case "failure-rate":
                Duration interval = duration("weir.restart.failure-rate.interval", p.getOrDefault("weir.restart.failure-rate.interval", "5m"));
                if (interval.isZero() || interval.isNegative()) {
                    throw new WeirConfigException("weir.restart.failure-rate.interval", "must be positive, was " + interval);
                }
                return RestartStrategy.failureRate(
                        atLeast("weir.restart.failure-rate.max-failures", p.getOrDefault("weir.restart.failure-rate.max-failures", 3), 1),
                        interval,
                        notNegative("weir.restart.failure-rate.delay", p.getOrDefault("weir.restart.failure-rate.delay", "1s")));
            case "none":
                return RestartStrategy.none();
            default:
                throw new WeirConfigException("weir.restart.strategy",
                        "'" + strategy + "' is not one of fixed-delay, failure-rate, none");
        }
    }

    private static int atLeast(String key, Object value, int minimum) {
        int n = integer(key, value);
        if (n < minimum) {
            throw new WeirConfigException(key, "must be at least " + minimum + ", was " + n);
        }
        return n;
    }

    private static Duration notNegative(String key, Object value) {
        Duration d = duration(key, value);
        if (d.isNegative()) {
            throw new WeirConfigException(key, "must not be negative, was " + d);
        }
        return d;
    }

    private static short replicationFactor(String key, Object value) {
        int n = integer(key, value);
        if (n > Short.MAX_VALUE) {
            throw new WeirConfigException(key, "must be -1 (broker default) or a replication factor, was " + n);
        }
        return (short) n;
    }

    private static String string(Map<String, ?> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null ? fallback : v.toString().trim();
    }

    static int integer(String key, Object value) {
        if (value instanceof Number) {
            return ((Number) value).intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new WeirConfigException(key, "'" + value + "' is not a whole number", e);
        }
    }

    static Duration duration(String key, Object value) {
        if (value instanceof Duration) {
            return (Duration) value;
        }
        String text = value.toString().trim();
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                switch (unit) {
                    case "s": return Duration.ofSeconds(n);
                    case "m": return Duration.ofMinutes(n);
                    case "h": return Duration.ofHours(n);
                    case "d": return Duration.ofDays(n);
                    default: return Duration.ofMillis(n);
                }
            }
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new WeirConfigException(key, "'" + value + "' is not a duration such as 100ms, 10s, 5m or PT1S", e);
        }
    }

    static long size(String key, Object value) {
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        Matcher m = SIZE.matcher(value.toString().trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new WeirConfigException(key, "'" + value + "' is not a size such as 512MB or 2GB");
        }
        String unit = m.group(2) == null ? "B" : m.group(2);
        long multiplier = unit.equals("KB") ? 1L << 10 : unit.equals("MB") ? 1L << 20 : unit.equals("GB") ? 1L << 30 : 1;
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new WeirConfigException(key, "'" + value + "' is too large", e);
        }
    }

    private static <E> E enumValue(String key, Object value, E[] values, Function<E, String> name) {
        if (value.getClass().isInstance(values[0])) {
            @SuppressWarnings("unchecked")
            E typed = (E) value;
            return typed;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT).replace('_', '-');
        StringBuilder allowed = new StringBuilder();
        for (E candidate : values) {
            if (name.apply(candidate).equals(text)) {
                return candidate;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(name.apply(candidate));
        }
        throw new WeirConfigException(key, "'" + value + "' is not one of " + allowed);
    }
}
