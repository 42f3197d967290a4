package dev.weir.sample.fraud;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Makes card traffic: legitimate transactions at a steady rate, spread over many accounts in
 * turn, and at intervals a pattern on an account of its own: a fraud that one rule must flag,
 * or a legitimate near miss that no rule may flag. Every transaction is stamped with the time it
 * is handed over. Which patterns were injected, on which accounts, is kept for whoever checks
 * the alerts.
 *
 * <p>Legitimate amounts lie between the small and the large threshold and each account's share
 * of the rate stays within the velocity limit, so legitimate traffic never matches a rule. It
 * goes on for a while after the last pattern, so that event time passes the last patterns' windows.
 */
public final class TransactionGenerator {

    /** The patterns, injected in this order, round and round. */
    public enum PatternKind {
        /** $0.50, then $750.00 half a second later: the small-then-large rule fires. */
        SMALL_THEN_LARGE(FraudAlert.SMALL_THEN_LARGE, "stl"),
        /** Two transactions more than the velocity limit, 200 ms apart: the velocity rule fires. */
        VELOCITY_BURST(FraudAlert.VELOCITY, "vel"),
        /** $0.50, then $300.00: large enough to notice, not large enough to flag. */
        SMALL_THEN_MEDIUM(null, "stm"),
        /** Exactly as many transactions as the velocity limit allows, 200 ms apart. */
        AT_VELOCITY_LIMIT(null, "lim"),
        /** $0.50, then $750.00 a second after the window closed. */
        SMALL_THEN_LARGE_TOO_LATE(null, "late");

        private final String rule;
        private final String code;

        PatternKind(String rule, String code) {
            this.rule = rule;
            this.code = code;
        }

        /** The rule that must fire for this pattern; empty for a legitimate one. */
        public Optional<String> expectedRule() {
            return Optional.ofNullable(rule);
        }
    }

    /**
     * A pattern injected on an account of its own.
     *
     * @param kind the pattern
     * @param accountId its account, used by nothing else
     */
    public record Pattern(PatternKind kind, String accountId) {
    }

    private record Due(long atMillis, long sequence, String accountId, double amount) {
    }

    private final FraudProperties.Rules rules;
    private final FraudProperties.Generator settings;
    private final String run;
    private final Random random;
    private final List<Pattern> injected = Collections.synchronizedList(new ArrayList<>());
    private final Map<PatternKind, Integer> perKind = new EnumMap<>(PatternKind.class);
    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.atMillis != b.atMillis
            ? Long.compare(a.atMillis, b.atMillis) : Long.compare(a.sequence, b.sequence));
    private long sequence;
    private volatile long transactions;

    /**
     * A generator for {@code rules}, with the rate, accounts and pattern interval of {@code settings}.
     *
     * @param run a name unique to this run, part of every account and transaction id it makes
     * @throws IllegalStateException if legitimate traffic would exceed the velocity limit per account
     */
    public TransactionGenerator(FraudProperties.Rules rules, FraudProperties.Generator settings, String run) {
        double perAccountInWindow = (double) settings.getTransactionsPerSecond() * rules.getVelocityWindow().toMillis()
                / 1000 / settings.getAccounts();
        long mostInWindow = (long) Math.floor(perAccountInWindow) + 1;
        if (mostInWindow > rules.getVelocityMaxTransactions()) {
            throw new IllegalStateException("fraud.generator.accounts=" + settings.getAccounts() + " is too few for "
                    + "fraud.generator.transactions-per-second=" + settings.getTransactionsPerSecond() + ": an account "
                    + "could see " + mostInWindow + " legitimate transactions in the velocity window, more than "
                    + "fraud.rules.velocity-max-transactions=" + rules.getVelocityMaxTransactions());
        }
        this.rules = rules;
        this.settings = settings;
        this.run = run;
        this.random = new Random(settings.getSeed());
    }

    /**
     * Hands transactions to {@code sink} as they fall due, until {@code stop} says so or, when
     * {@code fraud.generator.patterns} is set, until that many patterns are complete and
     * {@code fraud.generator.trailing-traffic} has passed since.
     */
    public void run(Consumer<Transaction> sink, BooleanSupplier stop) throws InterruptedException {
        long start = System.currentTimeMillis();
        long legitIntervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, settings.getTransactionsPerSecond());
        long legitStartNanos = System.nanoTime();
        long legitSent = 0;
        long nextPattern = start + settings.getPatternEvery().toMillis() / 2;
        long endAt = Long.MAX_VALUE;
        int patternsStarted = 0;
        while (!stop.getAsBoolean()) {
            boolean allStarted = settings.getPatterns() > 0 && patternsStarted >= settings.getPatterns();
            long now = System.currentTimeMillis();
            if (allStarted && due.isEmpty() && endAt == Long.MAX_VALUE) {
                endAt = now + settings.getTrailingTraffic().toMillis();
            }
            if (now >= endAt) {
                return;
            }
            while (!due.isEmpty() && due.peek().atMillis <= now) {
                Due next = due.poll();
                sink.accept(transaction(next.accountId, next.amount, now));
            }
            if (!allStarted && now >= nextPattern) {
                schedule(PatternKind.values()[patternsStarted % PatternKind.values().length], now);
                patternsStarted++;
                nextPattern += settings.getPatternEvery().toMillis();
            }
            long legitDueNanos = legitStartNanos + legitSent * legitIntervalNanos;
            if (System.nanoTime() - legitDueNanos > TimeUnit.SECONDS.toNanos(1)) {
                // Fell behind (a stalled broker, say): catching up in a burst could push an
                // account over the velocity limit, so the missed transactions are dropped.
                legitStartNanos = System.nanoTime() - legitSent * legitIntervalNanos;
                legitDueNanos = legitStartNanos + legitSent * legitIntervalNanos;
            }
            if (System.nanoTime() >= legitDueNanos) {
                sink.accept(transaction(legitAccount(legitSent), legitAmount(), now));
                legitSent++;
                continue;
            }
            long sleepMillis = Math.min(endAt - now, TimeUnit.NANOSECONDS.toMillis(legitDueNanos - System.nanoTime()));
            if (!allStarted) {
                sleepMillis = Math.min(sleepMillis, nextPattern - now);
            }
            if (!due.isEmpty()) {
                sleepMillis = Math.min(sleepMillis, due.peek().atMillis - now);
            }
            if (sleepMillis > 0) {
                Thread.sleep(Math.min(sleepMillis, 100));
            }
        }
    }

    /** The patterns injected so far, in order. */
    public List<Pattern> injected() {
        synchronized (injected) {
            return List.copyOf(injected);
        }
    }

    /** How many transactions were handed over so far. */
    public long transactions() {
        return transactions;
    }

    private void schedule(PatternKind kind, long now) {
        int number = perKind.merge(kind, 1, Integer::sum);
        String account = String.format("%s-%s-%s-%04d", kind.expectedRule().isPresent() ? "fraud" : "legit",
                kind.code, run, number);
        double small = 0.50;
        double large = rules.getLargeAmount() + 250;
        switch (kind) {
            case SMALL_THEN_LARGE:
                at(now, account, small);
                at(now + 500, account, large);
                break;
            case VELOCITY_BURST:
                burst(now, account, rules.getVelocityMaxTransactions() + 2);
                break;
            case SMALL_THEN_MEDIUM:
                at(now, account, small);
                at(now + 500, account, Math.min(300, rules.getLargeAmount()));
                break;
            case AT_VELOCITY_LIMIT:
                burst(now, account, rules.getVelocityMaxTransactions());
                break;
            default:
                at(now, account, small);
                at(now + rules.getSmallThenLargeWindow().toMillis() + 1_000, account, large);
                break;
        }
        injected.add(new Pattern(kind, account));
    }

    private void burst(long now, String account, int count) {
        for (int i = 0; i < count; i++) {
            at(now + 200L * i, account, legitAmount());
        }
    }

    private void at(long atMillis, String account, double amount) {
        due.add(new Due(atMillis, sequence++, account, amount));
    }

    private String legitAccount(long n) {
        return String.format("acct-%05d", n % settings.getAccounts());
    }

    /** Between the small and the large threshold, both excluded from what the rules flag. */
    private double legitAmount() {
        double low = Math.max(rules.getSmallAmount(), 1.00);
        double high = rules.getLargeAmount();
        return Math.round((low + random.nextDouble() * (high - low)) * 100) / 100.0;
    }

    private Transaction transaction(String account, double amount, long timestamp) {
        transactions++;
        return new Transaction("tx-" + run + "-" + transactions, account, amount, timestamp);
    }
}
