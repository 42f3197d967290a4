package dev.weir.internals.runtime;

import java.util.concurrent.CompletableFuture;

import dev.weir.internals.context.StateHandle;

/**
 * A read of one key's state that another thread asked for, answered by the worker that runs
 * the key's task, between two elements.
 *
 * @param task the task owning the key
 * @param handle the state to read
 * @param keyGroup the key's group
 * @param key the serialized key
 * @param result completed with the state's value ({@code null} if it has none), or with
 *     {@link TaskNotOwnedException} if the worker does not run the task
 */
record StateRead(TaskId task, StateHandle<?> handle, int keyGroup, byte[] key, CompletableFuture<Object> result) {
}
