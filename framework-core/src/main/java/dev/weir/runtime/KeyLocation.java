package dev.weir.runtime;

import java.util.Optional;

/**
 * Where the state of one key lives: the task that owns the key's group and the instance that
 * runs that task, as the last rebalance decided.
 *
 * @param operatorUid the keyed operator asked about
 * @param task the task owning the key, {@code <stage>_<partition>}
 * @param instanceId the instance running the task; empty while the task is between owners
 * @param endpoint the {@code host:port} at which that instance answers state queries; empty if
 *     it advertises none or the task is between owners
 * @param local whether this instance runs the task
 */
public record KeyLocation(String operatorUid, String task, Optional<String> instanceId, Optional<String> endpoint,
                          boolean local) {
}
