package dev.weir.internals.runtime;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user data Weir members exchange through the group protocol. A subscription carries the
 * member's instance, the endpoint it answers state queries at and the tasks it has local state
 * for; an assignment carries, for every instance, its endpoint and the tasks it owns from now
 * on, so that every instance knows where each key's state lives.
 *
 * <p>Both start with a version byte. Data that cannot be read is treated as empty: a member
 * with unreadable user data still gets tasks, it just draws no preference from them.
 */
final class AssignmentCodec {

    private static final byte VERSION = 1;

    private AssignmentCodec() {
    }

    /** What a member says about itself when it joins. */
    record MemberInfo(String instanceId, String endpoint, Set<TaskId> localTasks) {

        static final MemberInfo UNKNOWN = new MemberInfo("", "", Set.of());
    }

    /** Where an instance answers state queries and which tasks it owns. */
    record InstanceTasks(String endpoint, Set<TaskId> tasks) {
    }

    static ByteBuffer encodeSubscription(MemberInfo info) {
        Writer out = new Writer();
        out.string(info.instanceId());
        out.string(info.endpoint());
        out.tasks(info.localTasks());
        return out.buffer();
    }

    static MemberInfo decodeSubscription(ByteBuffer data) {
        Reader in = Reader.of(data);
        if (in == null) {
            return MemberInfo.UNKNOWN;
        }
        try {
            return new MemberInfo(in.string(), in.string(), in.tasks());
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return MemberInfo.UNKNOWN;
        }
    }

    static ByteBuffer encodeAssignment(Map<String, InstanceTasks> byInstance) {
        Writer out = new Writer();
        out.buffer.putInt(byInstance.size());
        byInstance.forEach((instance, tasks) -> {
            out.string(instance);
            out.string(tasks.endpoint());
            out.tasks(tasks.tasks());
        });
        return out.buffer();
    }

    static Map<String, InstanceTasks> decodeAssignment(ByteBuffer data) {
        Reader in = Reader.of(data);
        Map<String, InstanceTasks> result = new LinkedHashMap<>();
        if (in == null) {
            return result;
        }
        try {
            int count = in.count();
            for (int i = 0; i < count; i++) {
                result.put(in.string(), new InstanceTasks(in.string(), in.tasks()));
            }
            return result;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return new LinkedHashMap<>();
        }
    }

    private static final class Writer {

        private ByteBuffer buffer = ByteBuffer.allocate(64);

        Writer() {
            buffer.put(VERSION);
        }

        void string(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ensure(4 + bytes.length);
            buffer.putInt(bytes.length).put(bytes);
        }

        void tasks(Collection<TaskId> tasks) {
            Set<TaskId> sorted = new TreeSet<>(tasks);
            ensure(4 + 8 * sorted.size());
            buffer.putInt(sorted.size());
            for (TaskId task : sorted) {
                buffer.putInt(task.stage()).putInt(task.partition());
            }
        }

        ByteBuffer buffer() {
            ByteBuffer result = buffer.duplicate();
            result.flip();
            return result;
        }

        private void ensure(int bytes) {
            if (buffer.remaining() < bytes + 4) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes + 4));
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
        }
    }

    private static final class Reader {

        private final ByteBuffer buffer;

        private Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        /** A reader past the version byte, or {@code null} for empty or foreign data. */
        static Reader of(ByteBuffer data) {
            if (data == null || !data.hasRemaining()) {
                return null;
            }
            ByteBuffer buffer = data.duplicate();
            return buffer.get() == VERSION ? new Reader(buffer) : null;
        }

        int count() {
            int count = buffer.getInt();
            if (count < 0 || count > buffer.remaining()) {
                throw new IllegalArgumentException("implausible count " + count);
            }
            return count;
        }

        String string() {
            byte[] bytes = new byte[count()];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Set<TaskId> tasks() {
            int count = count();
            Set<TaskId> tasks = new TreeSet<>();
            for (int i = 0; i < count; i++) {
                tasks.add(new TaskId(buffer.getInt(), buffer.getInt()));
            }
            return tasks;
        }
    }
}
