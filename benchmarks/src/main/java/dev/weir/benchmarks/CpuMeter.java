package dev.weir.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CPU time of this process, of the broker's process and of the whole machine, so that a run can
 * say where the cores went: into the measured process, into the broker, or into something else
 * on the machine (which would make the run's number worth less). Linux only for the machine and
 * the broker; elsewhere those read as unknown.
 */
final class CpuMeter {

    /** Linux reports /proc/stat in USER_HZ ticks, 100 per second on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC_STAT = Paths.get("/proc/stat");
    /** Less than this many cores used by other processes counts as a quiet machine. */
    private static final double QUIET_OTHER_CORES = 0.25;

    private final long brokerPid;

    CpuMeter(long brokerPid) {
        this.brokerPid = brokerPid;
    }

    /** CPU seconds used so far, and the wall clock. */
    record Sample(long nanoTime, double self, double broker, double machineBusy) {
    }

    /** What the machine's cores did between two samples, in cores (CPU seconds per wall second). */
    record Usage(double self, double broker, double other, double selfCpuSeconds) {
    }

    /**
     * On a shared machine (someone's build or tests), waits a while for the other processes to
     * go quiet before a run starts; a run's "cores: other" shows what was left.
     */
    void awaitQuiet(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean logged = false;
        while (true) {
            Sample before = sample();
            KafkaTools.sleep(1_000);
            double other = between(before, sample()).other();
            if (Double.isNaN(other) || other < QUIET_OTHER_CORES) {
                if (logged) {
                    ThroughputBenchmark.log("  the machine is quiet again (%.2f cores used by other processes)", other);
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                ThroughputBenchmark.log("  other processes still use %.2f cores; running anyway", other);
                return;
            }
            if (!logged) {
                ThroughputBenchmark.log("  other processes use %.2f cores; waiting up to %d s for them to finish",
                        other, timeout.toSeconds());
                logged = true;
            }
        }
    }

    Sample sample() {
        return new Sample(System.nanoTime(), selfCpuSeconds(), brokerCpuSeconds(), machineBusySeconds());
    }

    static Usage between(Sample from, Sample to) {
        double wall = (to.nanoTime - from.nanoTime) / 1e9;
        if (wall <= 0) {
            return new Usage(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double self = to.self - from.self;
        double broker = to.broker - from.broker;
        double busy = to.machineBusy - from.machineBusy;
        double other = Double.isNaN(busy) || Double.isNaN(broker) ? Double.NaN : Math.max(0, busy - self - broker);
        return new Usage(self / wall, broker / wall, other / wall, self);
    }

    private static double selfCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            long nanos = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    private double brokerCpuSeconds() {
        if (brokerPid < 0) {
            return Double.NaN;
        }
        Optional<Duration> cpu = ProcessHandle.of(brokerPid).flatMap(p -> p.info().totalCpuDuration());
        return cpu.map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Busy time of all cores: everything in the cpu line of /proc/stat but idle and iowait. */
    private static double machineBusySeconds() {
        if (!Files.isReadable(PROC_STAT)) {
            return Double.NaN;
        }
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            String[] f = lines.get(0).trim().split("\\s+");
            if (!f[0].equals("cpu")) {
                return Double.NaN;
            }
            long busy = 0;
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
