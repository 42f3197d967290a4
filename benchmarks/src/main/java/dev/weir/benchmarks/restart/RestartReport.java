package dev.weir.benchmarks.restart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The restart benchmark's result as Markdown: the phases' median and max, then each round. */
final class RestartReport {

    private RestartReport() {
    }

    static String markdown(RestartOptions options, String setup, List<RoundResult> rounds) {
        StringBuilder md = new StringBuilder();
        md.append("## Restart after SIGKILL: ").append(String.format(Locale.ROOT, "%,d", options.keys))
                .append(" keys of local state\n\n");
        md.append(setup).append("\n\n");
        md.append("Milliseconds from the restarted JVM's process start and from the SIGKILL of the old one; ")
                .append("median and max over ").append(rounds.size()).append(" round(s).\n\n");
        md.append("| phase | from start, median | from start, max | from kill, median | from kill, max |\n");
        md.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (Phase phase : Phase.values()) {
            List<Long> fromStart = values(rounds, r -> r.sinceStart(phase));
            List<Long> fromKill = values(rounds, r -> r.sinceKill(phase));
            md.append("| ").append(phase.label()).append(" | ").append(median(fromStart)).append(" | ")
                    .append(max(fromStart)).append(" | ").append(median(fromKill)).append(" | ")
                    .append(max(fromKill)).append(" |\n");
        }
        md.append("\n| round | kill → start (ms) | kill → first output (ms) | restore path | changelog records replayed |\n");
        md.append("| ---: | ---: | ---: | --- | ---: |\n");
        for (RoundResult r : rounds) {
            OptionalLong output = r.sinceKill(Phase.FIRST_OUTPUT_COMMITTED);
            md.append("| ").append(r.round()).append(" | ").append(r.startMillis() - r.killMillis()).append(" | ")
                    .append(output.isPresent() ? Long.toString(output.getAsLong()) : "—").append(" | ")
                    .append(r.timeline().restorePath()).append(" | ").append(r.restoredRecords()).append(" |\n");
        }
        return md.toString();
    }

    private static List<Long> values(List<RoundResult> rounds, Function<RoundResult, OptionalLong> value) {
        List<Long> values = new ArrayList<>();
        for (RoundResult r : rounds) {
            OptionalLong v = value.apply(r);
            if (v.isPresent()) {
                values.add(v.getAsLong());
            }
        }
        return values.stream().sorted().collect(Collectors.toList());
    }

    private static String median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return "—";
        }
        int n = sorted.size();
        long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Long.toString(median);
    }

    private static String max(List<Long> sorted) {
        return sorted.isEmpty() ? "—" : Long.toString(sorted.get(sorted.size() - 1));
    }
}
