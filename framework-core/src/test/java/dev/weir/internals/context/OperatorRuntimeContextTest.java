package dev.weir.internals.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import dev.weir.state.ListStateDescriptor;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class OperatorRuntimeContextTest {

    private final OperatorRuntimeContext context = new OperatorRuntimeContext("app", "op", new AtomicInteger());

    @Test
    void aStateDeclaredTwiceIsOneHandle() {
        ValueState<Long> first = context.getState(new ValueStateDescriptor<>("count", Serdes.Long()));
        ValueState<Long> second = context.getState(new ValueStateDescriptor<>("count", Serdes.Long()));

        assertThat(second).isSameAs(first);
        assertThat(context.handles()).containsOnlyKeys("count");
    }

    @Test
    void aNameDeclaredAgainWithAnotherTypeIsRejected() {
        context.getState(new ValueStateDescriptor<>("count", Serdes.Long()));

        assertThatThrownBy(() -> context.getListState(new ListStateDescriptor<>("count", Serdes.Long())))
                .hasMessageContaining("'count'").hasMessageContaining("another type");
    }

    @Test
    void namesBeginningWithTwoUnderscoresAreReservedForWeirsOwnState() {
        assertThatThrownBy(() -> context.getListState(new ListStateDescriptor<>("__window-elements", Serdes.Long())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'__window-elements'").hasMessageContaining("reserved");
    }
}
