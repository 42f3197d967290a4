package dev.weir.sample.fraud;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code fraud.*} properties of the sample: topics, rule parameters, generator, embedded broker. */
@ConfigurationProperties(prefix = "fraud")
public class FraudProperties {

    private final Topics topics = new Topics();
    private final Rules rules = new Rules();
    private final Generator generator = new Generator();
    private final EmbeddedKafka embeddedKafka = new EmbeddedKafka();

    public Topics getTopics() {
        return topics;
    }

    public Rules getRules() {
        return rules;
    }

    public Generator getGenerator() {
        return generator;
    }

    public EmbeddedKafka getEmbeddedKafka() {
        return embeddedKafka;
    }

    /**
     * {@code fraud.embedded-kafka.*}: the broker the application starts in its own process when
     * no Kafka is configured. Read by {@link EmbeddedKafkaInitializer} before the context binds
     * properties; declared here for its documentation.
     */
    public static class EmbeddedKafka {

        /** Start an in-process broker when neither spring.kafka.bootstrap-servers nor weir.bootstrap-servers is set. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code fraud.topics.*}. */
    public static class Topics {

        /** The topic of transactions, keyed by account. */
        private String transactions = "transactions";

        /** The topic alerts go to, keyed by account. */
        private String alerts = "fraud-alerts";

        /** Partitions of both topics when the application creates them. */
        private int partitions = 6;

        public String getTransactions() {
            return transactions;
        }

        public void setTransactions(String transactions) {
            this.transactions = transactions;
        }

        public String getAlerts() {
            return alerts;
        }

        public void setAlerts(String alerts) {
            this.alerts = alerts;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }
    }

    /** {@code fraud.rules.*}. */
    public static class Rules {

        /** A transaction below this amount is "small". */
        private double smallAmount = 1.00;

        /** A transaction above this amount is "large". */
        private double largeAmount = 500.00;

        /** How soon after a small transaction a large one raises an alert. */
        private Duration smallThenLargeWindow = Duration.ofMinutes(1);

        /**
         * How long past its window a small transaction is kept before a timer drops it: processing
         * may lag this far behind the transactions without a pattern going unnoticed.
         */
        private Duration smallThenLargeGrace = Duration.ofMinutes(1);

        /** More transactions than this on one account within the velocity window raise an alert. */
        private int velocityMaxTransactions = 5;

        /** The length of the velocity rule's sliding event-time windows. */
        private Duration velocityWindow = Duration.ofMinutes(1);

        /**
         * How far apart the velocity rule's windows start; at most the window. A burst is reported
         * once the watermark passes the end of the first window that holds it, so within a slide
         * (plus the transactions' out-of-orderness) of the burst.
         */
        private Duration velocityWindowSlide = Duration.ofSeconds(10);

        /**
         * How long the velocity rule remembers the window of an account's last alert, so that the
         * windows overlapping it raise no second alert for the same burst; at least the window.
         */
        private Duration velocityStateTtl = Duration.ofMinutes(2);

        public double getSmallAmount() {
            return smallAmount;
        }

        public void setSmallAmount(double smallAmount) {
            this.smallAmount = smallAmount;
        }

        public double getLargeAmount() {
            return largeAmount;
        }

        public void setLargeAmount(double largeAmount) {
            this.largeAmount = largeAmount;
        }

        public Duration getSmallThenLargeWindow() {
            return smallThenLargeWindow;
        }

        public void setSmallThenLargeWindow(Duration smallThenLargeWindow) {
            this.smallThenLargeWindow = smallThenLargeWindow;
        }

        public Duration getSmallThenLargeGrace() {
            return smallThenLargeGrace;
        }

        public void setSmallThenLargeGrace(Duration smallThenLargeGrace) {
            this.smallThenLargeGrace = smallThenLargeGrace;
        }

        public int getVelocityMaxTransactions() {
            return velocityMaxTransactions;
        }

        public void setVelocityMaxTransactions(int velocityMaxTransactions) {
            this.velocityMaxTransactions = velocityMaxTransactions;
        }

        public Duration getVelocityWindow() {
            return velocityWindow;
        }

        public void setVelocityWindow(Duration velocityWindow) {
            this.velocityWindow = velocityWindow;
        }

        public Duration getVelocityWindowSlide() {
            return velocityWindowSlide;
        }

        public void setVelocityWindowSlide(Duration velocityWindowSlide) {
            this.velocityWindowSlide = velocityWindowSlide;
        }

        public Duration getVelocityStateTtl() {
            return velocityStateTtl;
        }

        public void setVelocityStateTtl(Duration velocityStateTtl) {
            this.velocityStateTtl = velocityStateTtl;
        }
    }

    /** {@code fraud.generator.*}: the built-in source of transactions, for trying the sample out. */
    public static class Generator {

        /** Generate transactions, with fraud patterns among them. */
        private boolean enabled = true;

        /** Legitimate transactions per second. */
        private int transactionsPerSecond = 50;

        /** Accounts the legitimate transactions are spread over, in turn. */
        private int accounts = 1_000;

        /** How often a pattern (fraud, or a legitimate near miss) starts. */
        private Duration patternEvery = Duration.ofSeconds(2);

        /** Patterns to inject before the generator stops; 0 for no end. */
        private int patterns;

        /**
         * How long legitimate traffic goes on after the last pattern, when {@code patterns} is set:
         * windows close as event time passes them, so without traffic the windows that hold the
         * last patterns would stay open.
         */
        private Duration trailingTraffic = Duration.ofSeconds(30);

        /** Seed of the amounts, so that a run can be repeated. */
        private long seed = 42;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getTransactionsPerSecond() {
            return transactionsPerSecond;
        }

        public void setTransactionsPerSecond(int transactionsPerSecond) {
            this.transactionsPerSecond = transactionsPerSecond;
        }

        public int getAccounts() {
            return accounts;
        }

        public void setAccounts(int accounts) {
            this.accounts = accounts;
        }

        public Duration getPatternEvery() {
            return patternEvery;
        }

        public void setPatternEvery(Duration patternEvery) {
            this.patternEvery = patternEvery;
        }

        public int getPatterns() {
            return patterns;
        }

        public void setPatterns(int patterns) {
            this.patterns = patterns;
        }

        public Duration getTrailingTraffic() {
            return trailingTraffic;
        }

        public void setTrailingTraffic(Duration trailingTraffic) {
            this.trailingTraffic = trailingTraffic;
        }

        public long getSeed() {
            return seed;
        }

        public void setSeed(long seed) {
            this.seed = seed;
        }
    }
}
