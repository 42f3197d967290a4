package dev.weir.spring.boot;

import java.util.ArrayList;
import java.util.List;

import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.spring.CountingAggregate;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
import dev.weir.spring.annotation.WeirWindow;
import dev.weir.state.ValueState;
import dev.weir.windowing.TimeWindow;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A Boot application with two windowed operators over one topic of clicks keyed by user, for tests on the real broker. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ClickWindowsApplication.ClicksPerWindow.class, ClickWindowsApplication.ClickSessions.class})
class ClickWindowsApplication {

    /**
     * Counts each user's clicks per tumbling 10 s event-time window as they arrive, and numbers
     * the windows it reported for the user in the user's state.
     */
    @WeirOperator(uid = "clicks-per-window", input = "clicks", output = "click-counts")
    @WeirWindow(size = "${clicks.window:10s}")
    static class ClicksPerWindow extends ProcessWindowFunction<Long, KeyValue<String, String>, String, TimeWindow>
            implements CountingAggregate<String> {

        @WeirState("windows-reported")
        ValueState<Long> reported;

        @Override
        public void process(String user, Context<TimeWindow> context, Iterable<Long> counts,
                            Collector<KeyValue<String, String>> out) {
            long number = reported.value() == null ? 1 : reported.value() + 1;
            reported.update(number);
            TimeWindow window = context.window();
            out.collect(KeyValue.of(user, window.start() + "/" + window.end() + " " + counts.iterator().next()
                    + " clicks, window #" + number));
        }
    }

    /** Lists each user's clicks per session, a session ending after 5 s without a click. */
    @WeirOperator(uid = "click-sessions", input = "clicks", output = "click-sessions")
    @WeirWindow(sessionGap = "5s")
    static class ClickSessions extends ProcessWindowFunction<String, KeyValue<String, String>, String, TimeWindow> {

        @Override
        public void process(String user, Context<TimeWindow> context, Iterable<String> clicks,
                            Collector<KeyValue<String, String>> out) {
            List<String> all = new ArrayList<>();
            clicks.forEach(all::add);
            out.collect(KeyValue.of(user, context.window().start() + "/" + context.window().end() + " " + all));
        }
    }
}
