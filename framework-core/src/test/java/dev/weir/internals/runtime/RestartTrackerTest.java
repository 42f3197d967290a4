package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.weir.config.RestartStrategy;
import org.junit.jupiter.api.Test;

class RestartTrackerTest {

    @Test
    void fixedDelayAllowsExactlyItsAttemptsThenRefuses() {
        RestartTracker tracker = new RestartTracker(RestartStrategy.fixedDelay(3, Duration.ofSeconds(2)));

        assertThat(tracker.allowRestart(0)).isTrue();
        assertThat(tracker.allowRestart(1)).isTrue();
        assertThat(tracker.allowRestart(2)).isTrue();
        assertThat(tracker.allowRestart(3)).isFalse();
        assertThat(tracker.allowRestart(4)).isFalse();
    }

    @Test
    void fixedDelayCountsAttemptsInAllNoMatterHowFarApartTheFailuresAre() {
        RestartTracker tracker = new RestartTracker(RestartStrategy.fixedDelay(2, Duration.ZERO));

        assertThat(tracker.allowRestart(0)).isTrue();
        assertThat(tracker.allowRestart(Duration.ofDays(1).toMillis())).isTrue();
        assertThat(tracker.allowRestart(Duration.ofDays(30).toMillis())).isFalse();
    }

    @Test
    void fixedDelayWithZeroAttemptsNeverRestarts() {
        RestartTracker tracker = new RestartTracker(RestartStrategy.fixedDelay(0, Duration.ofSeconds(1)));

        assertThat(tracker.allowRestart(0)).isFalse();
    }

    @Test
    void unlimitedFixedDelayKeepsRestarting() {
        RestartTracker tracker = new RestartTracker(RestartStrategy.fixedDelay(Integer.MAX_VALUE, Duration.ofSeconds(1)));

        for (int i = 0; i < 10_000; i++) {
            assertThat(tracker.allowRestart(i)).isTrue();
        }
    }

    @Test
    void delayIsTheStrategysDelay() {
        assertThat(new RestartTracker(RestartStrategy.fixedDelay(1, Duration.ofMillis(1500))).delayMillis()).isEqualTo(1500);
        assertThat(new RestartTracker(RestartStrategy.failureRate(1, Duration.ofMinutes(1), Duration.ofSeconds(3)))
                .delayMillis()).isEqualTo(3000);
        assertThat(new RestartTracker(RestartStrategy.none()).delayMillis()).isZero();
    }

    @Test
    void failureRateAllowsMaxFailuresWithinTheIntervalAndRefusesOneMore() {
        RestartTracker tracker = new RestartTracker(RestartStrategy.failureRate(3, Duration.ofMinutes(1), Duration.ZERO));

        assertThat(tracker.allowRestart(1_000)).isTrue();
        assertThat(tracker.allowRestart(2_000)).isTrue();
        assertThat(tracker.allowRestart(3_000)).isTrue();
        assertThat(tracker.allowRestart(4_000)).isFalse();
    }

    @Test
    void failureRateForgetsFailuresOlderThanTheInterval() {
        long minute = Duration.ofMinutes(1).toMillis();
        RestartTracker tracker = new RestartTracker(RestartStrategy.failureRate(2, Duration.ofMinutes(1), Duration.ZERO));

        assertThat(tracker.allowRestart(0)).isTrue();
        assertThat(tracker.allowRestart(10_000)).isTrue();
        // the failure at 0 is more than a minute old and forgotten; 10_000 and 60_001 remain
        assertThat(tracker.allowRestart(minute + 1)).isTrue();
        // 10_000, 60_001 and 60_002 are within one minute: three failures where two are tolerated
        assertThat(tracker.allowRestart(minute + 2)).isFalse();
        // much later, every earlier failure has left the window
        assertThat(tracker.allowRestart(10 * minute)).isTrue();
    }

    @Test
    void failureRateForgetsAFailureExactlyOneIntervalOld() {
        RestartTracker tracker = new RestartTracker(RestartStrategy.failureRate(1, Duration.ofSeconds(10), Duration.ZERO));

        assertThat(tracker.allowRestart(5_000)).isTrue();
        assertThat(tracker.allowRestart(15_000)).as("the failure at 5_000 is exactly 10 s old and forgotten").isTrue();
        assertThat(tracker.allowRestart(24_999)).as("the failure at 15_000 is still within 10 s").isFalse();
    }

    @Test
    void failureRateWithSteadyFailuresSlowerThanTheRateKeepsRestarting() {
        RestartTracker tracker = new RestartTracker(RestartStrategy.failureRate(2, Duration.ofSeconds(10), Duration.ZERO));

        for (long t = 0; t < 1_000_000; t += 6_000) {
            assertThat(tracker.allowRestart(t)).as("failure at %d", t).isTrue();
        }
    }

    @Test
    void noneNeverRestarts() {
        RestartTracker tracker = new RestartTracker(RestartStrategy.none());

        assertThat(tracker.allowRestart(0)).isFalse();
        assertThat(tracker.allowRestart(Duration.ofDays(1).toMillis())).isFalse();
    }
}
