package dev.weir.sample.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionGeneratorTest {

    private final FraudProperties properties = new FraudProperties();

    @BeforeEach
    void shortTrailingTraffic() {
        properties.getGenerator().setTrailingTraffic(Duration.ofMillis(100));
    }

    @Test
    void legitimateTrafficStaysBetweenTheThresholdsAndWithinTheVelocityLimit() throws InterruptedException {
        properties.getRules().setVelocityWindow(Duration.ofSeconds(1));
        properties.getRules().setSmallThenLargeWindow(Duration.ofMillis(300));
        properties.getGenerator().setTransactionsPerSecond(2_000);
        properties.getGenerator().setPatternEvery(Duration.ofMillis(50));
        properties.getGenerator().setPatterns(10);
        TransactionGenerator generator = new TransactionGenerator(properties.getRules(), properties.getGenerator(), "t");
        List<Transaction> sent = new ArrayList<>();

        generator.run(sent::add, () -> false);

        Map<String, List<Long>> legitimateTimes = new HashMap<>();
        for (Transaction t : sent) {
            if (t.accountId().startsWith("acct-")) {
                assertThat(t.amount()).isBetween(1.00, 500.00);
                legitimateTimes.computeIfAbsent(t.accountId(), a -> new ArrayList<>()).add(t.timestamp());
            }
        }
        assertThat(legitimateTimes).isNotEmpty();
        for (List<Long> times : legitimateTimes.values()) {
            for (long end : times) {
                assertThat(times.stream().filter(t -> t > end - 1_000 && t <= end).count()).isLessThanOrEqualTo(5);
            }
        }
        assertThat(generator.transactions()).isEqualTo(sent.size());
    }

    @Test
    void patternsComeInTurnEachOnAnAccountOfItsOwn() throws InterruptedException {
        properties.getRules().setSmallThenLargeWindow(Duration.ofMillis(200));
        properties.getGenerator().setPatternEvery(Duration.ofMillis(20));
        properties.getGenerator().setPatterns(10);
        TransactionGenerator generator = new TransactionGenerator(properties.getRules(), properties.getGenerator(), "t");
        Map<String, List<Transaction>> byAccount = new HashMap<>();

        generator.run(t -> byAccount.computeIfAbsent(t.accountId(), a -> new ArrayList<>()).add(t), () -> false);

        List<TransactionGenerator.Pattern> patterns = generator.injected();
        assertThat(patterns).extracting(TransactionGenerator.Pattern::kind).containsExactly(
                TransactionGenerator.PatternKind.SMALL_THEN_LARGE, TransactionGenerator.PatternKind.VELOCITY_BURST,
                TransactionGenerator.PatternKind.SMALL_THEN_MEDIUM, TransactionGenerator.PatternKind.AT_VELOCITY_LIMIT,
                TransactionGenerator.PatternKind.SMALL_THEN_LARGE_TOO_LATE,
                TransactionGenerator.PatternKind.SMALL_THEN_LARGE, TransactionGenerator.PatternKind.VELOCITY_BURST,
                TransactionGenerator.PatternKind.SMALL_THEN_MEDIUM, TransactionGenerator.PatternKind.AT_VELOCITY_LIMIT,
                TransactionGenerator.PatternKind.SMALL_THEN_LARGE_TOO_LATE);
        assertThat(patterns).extracting(TransactionGenerator.Pattern::accountId).doesNotHaveDuplicates();
        for (TransactionGenerator.Pattern pattern : patterns) {
            List<Transaction> transactions = byAccount.get(pattern.accountId());
            switch (pattern.kind()) {
                case VELOCITY_BURST -> assertThat(transactions).hasSize(7);
                case AT_VELOCITY_LIMIT -> assertThat(transactions).hasSize(5);
                case SMALL_THEN_LARGE -> assertThat(transactions).extracting(Transaction::amount).containsExactly(0.5, 750.0);
                case SMALL_THEN_MEDIUM -> assertThat(transactions).extracting(Transaction::amount).containsExactly(0.5, 300.0);
                case SMALL_THEN_LARGE_TOO_LATE -> assertThat(transactions.get(1).timestamp() - transactions.get(0).timestamp())
                        .isGreaterThan(200);
            }
        }
    }

    @Test
    void legitimateTrafficGoesOnAfterTheLastPatternUntilTheTrailingTimeHasPassed() throws InterruptedException {
        properties.getRules().setVelocityWindow(Duration.ofSeconds(1));
        properties.getRules().setSmallThenLargeWindow(Duration.ofMillis(200));
        properties.getGenerator().setPatternEvery(Duration.ofMillis(20));
        properties.getGenerator().setPatterns(5);
        properties.getGenerator().setTransactionsPerSecond(200);
        properties.getGenerator().setTrailingTraffic(Duration.ofMillis(800));
        TransactionGenerator generator = new TransactionGenerator(properties.getRules(), properties.getGenerator(), "t");
        List<Transaction> sent = new ArrayList<>();

        generator.run(sent::add, () -> false);

        long lastOfAPattern = sent.stream().filter(t -> !t.accountId().startsWith("acct-"))
                .mapToLong(Transaction::timestamp).max().orElseThrow();
        List<Long> legitimateAfter = sent.stream().filter(t -> t.accountId().startsWith("acct-"))
                .map(Transaction::timestamp).filter(time -> time > lastOfAPattern).toList();
        assertThat(legitimateAfter).isNotEmpty();
        assertThat(sent.get(sent.size() - 1).timestamp()).isGreaterThan(lastOfAPattern);
    }

    @Test
    void tooFewAccountsForTheRateIsAMistakeNamedAtOnce() {
        properties.getGenerator().setTransactionsPerSecond(500);
        properties.getGenerator().setAccounts(100);

        assertThatThrownBy(() -> new TransactionGenerator(properties.getRules(), properties.getGenerator(), "t"))
                .hasMessageContaining("fraud.generator.accounts=100").hasMessageContaining("velocity-max-transactions=5");
    }
}
