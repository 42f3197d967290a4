package dev.weir.spring.boot;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.spring.annotation.WeirOperator;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A Boot application whose one operator throws on the word "poison". */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FailingOperatorApplication.PoisonIntolerant.class)
class FailingOperatorApplication {

    /** Fails on "poison"; passes every other word on. */
    @WeirOperator(uid = "poison-intolerant", input = "words", output = "word-counts")
    static class PoisonIntolerant extends KeyedProcessFunction<String, String, String> {

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
            if (value.equals("poison")) {
                throw new IllegalStateException("cannot stomach " + value);
            }
            out.collect(value);
        }
    }
}
