package dev.weir.spring.query;

import java.util.Map;

/**
 * The answer to a state query: an HTTP status and a JSON object. A found value is under
 * {@code value}, with the {@code task} that owns the key and the {@code instance} that read it;
 * otherwise {@code error} says why not.
 *
 * @param status 200 found; 404 no value, or no such operator or state; 400 not a key of the
 *     operator; 503 the owner cannot answer now (moving, restoring, unknown); 502 the owner
 *     did not answer a forwarded query
 * @param body the JSON object
 */
public record StateQueryResponse(int status, Map<String, Object> body) {
}
