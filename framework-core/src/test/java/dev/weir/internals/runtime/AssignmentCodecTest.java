package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.weir.internals.runtime.AssignmentCodec.InstanceTasks;
import dev.weir.internals.runtime.AssignmentCodec.MemberInfo;
import org.junit.jupiter.api.Test;

class AssignmentCodecTest {

    @Test
    void aSubscriptionSurvivesTheRoundTrip() {
        MemberInfo info = new MemberInfo("a1b2c3d4", "10.0.0.7:8080", Set.of(new TaskId(0, 3), new TaskId(1, 0)));

        assertThat(AssignmentCodec.decodeSubscription(AssignmentCodec.encodeSubscription(info))).isEqualTo(info);
    }

    @Test
    void anAssignmentWithManyTasksSurvivesTheRoundTrip() {
        Map<String, InstanceTasks> byInstance = new LinkedHashMap<>();
        Set<TaskId> many = new TreeSet<>();
        for (int p = 0; p < 500; p++) {
            many.add(new TaskId(p % 3, p));
        }
        byInstance.put("i-1", new InstanceTasks("host-a:8080", many));
        byInstance.put("i-2", new InstanceTasks("", Set.of()));

        assertThat(AssignmentCodec.decodeAssignment(AssignmentCodec.encodeAssignment(byInstance))).isEqualTo(byInstance);
    }

    @Test
    void unreadableDataReadsAsNothing() {
        ByteBuffer garbage = ByteBuffer.wrap("0_1,0_3".getBytes(StandardCharsets.UTF_8));
        ByteBuffer truncated = AssignmentCodec.encodeSubscription(new MemberInfo("i", "h:1", Set.of(new TaskId(0, 1))));
        truncated.limit(truncated.limit() - 3);

        assertThat(AssignmentCodec.decodeSubscription(garbage)).isEqualTo(MemberInfo.UNKNOWN);
        assertThat(AssignmentCodec.decodeSubscription(truncated)).isEqualTo(MemberInfo.UNKNOWN);
        assertThat(AssignmentCodec.decodeSubscription(null)).isEqualTo(MemberInfo.UNKNOWN);
        assertThat(AssignmentCodec.decodeAssignment(garbage)).isEmpty();
        assertThat(AssignmentCodec.decodeAssignment(ByteBuffer.allocate(0))).isEmpty();
    }

    @Test
    void decodingDoesNotConsumeTheCallersBuffer() {
        ByteBuffer data = AssignmentCodec.encodeSubscription(new MemberInfo("i", "h:1", Set.of()));
        int remaining = data.remaining();

        AssignmentCodec.decodeSubscription(data);

        assertThat(data.remaining()).isEqualTo(remaining);
    }
}
