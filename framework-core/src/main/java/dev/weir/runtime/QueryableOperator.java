package dev.weir.runtime;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;

/**
 * A keyed operator whose state can be queried by key.
 *
 * @param uid the operator's uid
 * @param keySerde the serde of its keys, whose bytes decide the key group
 * @param states the operator's states by name, with their kind: {@code value}, {@code list},
 *     {@code map}, {@code reducing} or {@code aggregating}
 */
public record QueryableOperator(String uid, Serde<?> keySerde, Map<String, String> states) {
}
