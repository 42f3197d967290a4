package dev.weir.spring.query;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.weir.runtime.KeyLocation;
import dev.weir.runtime.QueryableOperator;
import dev.weir.runtime.StateNotLocalException;
import dev.weir.runtime.WeirRuntime;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers state queries for any key: this instance reads the keys whose tasks it runs, and
 * forwards a query for any other key to the instance that runs its task, found through the
 * consumer group (no other service). A forwarded query is never forwarded again: if the task
 * moved meanwhile, the answer is 503 and the caller asks again.
 */
public class StateQueryService {

    /** The header that marks a forwarded query, naming the instance that forwarded it. */
    public static final String FORWARDED_BY = "X-Weir-Forwarded-By";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final WeirRuntimeLifecycle lifecycle;
    private final StateKeyParser keys;
    private final JsonMapper json;
    private final String path;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param path the path queries are served under, as in {@code weir.query.path}
     * @param timeout how long a read or a forwarded query may take
     */
    public StateQueryService(WeirRuntimeLifecycle lifecycle, StateKeyParser keys, JsonMapper json, String path,
                             Duration timeout) {
        this.lifecycle = lifecycle;
        this.keys = keys;
        this.json = json;
        this.path = path;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Reads {@code state} of {@code operator} for the key {@code keyText}, here or on the
     * instance that runs the key's task.
     *
     * @param forwardedBy the instance that forwarded this query, or {@code null} if it comes from a client
     */
    public StateQueryResponse query(String operator, String state, String keyText, String forwardedBy) {
        Optional<WeirRuntime> running = lifecycle.runtime().filter(r -> r.state() == WeirRuntime.State.RUNNING);
        if (running.isEmpty()) {
            return error(503, operator, state, keyText, "the Weir runtime of this instance is not running");
        }
        WeirRuntime runtime = running.get();
        Optional<QueryableOperator> target = runtime.queryableOperators().stream()
                .filter(o -> o.uid().equals(operator)).findFirst();
        if (target.isEmpty()) {
            return error(404, operator, state, keyText, "no keyed operator has uid '" + operator + "'");
        }
        if (!target.get().states().containsKey(state)) {
            return error(404, operator, state, keyText, "operator '" + operator + "' has no state '" + state
                    + "'; it has " + target.get().states().keySet());
        }
        Object key;
        try {
            key = keys.parse(keyText, target.get());
        } catch (RuntimeException e) {
            return error(400, operator, state, keyText, "'" + keyText + "' is not a key of operator '" + operator
                    + "': " + e.getMessage());
        }
        KeyLocation location = runtime.locateKey(operator, key);
        if (location.local()) {
            try {
                return readLocally(runtime, operator, state, keyText, key, location);
            } catch (StateNotLocalException moved) {
                location = moved.location();
            }
        }
        return forwardedBy != null
                ? error(503, operator, state, keyText, "task " + location.task() + " is not run here (any longer); "
                        + "it is moving: ask again")
                : forward(runtime, operator, state, keyText, location);
    }

    private StateQueryResponse readLocally(WeirRuntime runtime, String operator, String state, String keyText,
                                           Object key, KeyLocation location) {
        Optional<Object> value;
        try {
            value = runtime.queryState(operator, state, key).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StateNotLocalException moved) {
                throw moved;
            }
            return error(503, operator, state, keyText, "the read failed: " + e.getCause());
        } catch (TimeoutException e) {
            return error(503, operator, state, keyText, "the worker running task " + location.task()
                    + " did not answer within " + timeout + " (restoring, or restarting?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, operator, state, keyText, "interrupted");
        }
        Map<String, Object> body = body(operator, state, keyText);
        body.put("task", location.task());
        body.put("instance", runtime.instanceId());
        if (value.isEmpty()) {
            body.put("error", "key '" + keyText + "' has no " + state);
            return new StateQueryResponse(404, body);
        }
        body.put("value", value.get());
        return new StateQueryResponse(200, body);
    }

    private StateQueryResponse forward(WeirRuntime runtime, String operator, String state, String keyText,
                                       KeyLocation location) {
        if (location.instanceId().filter(runtime.instanceId()::equals).isPresent()) {
            return error(503, operator, state, keyText, "task " + location.task() + " is being taken up by this "
                    + "instance: ask again");
        }
        if (location.endpoint().isEmpty()) {
            return error(503, operator, state, keyText, "task " + location.task() + " "
                    + location.instanceId().map(i -> "runs on instance " + i + ", which advertises no endpoint")
                            .orElse("is between owners: ask again"));
        }
        URI uri = URI.create("http://" + location.endpoint().get() + path + "/" + segment(operator) + "/"
                + segment(state) + "/" + segment(keyText));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header(FORWARDED_BY, runtime.instanceId())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = json.readValue(response.body(), JSON_OBJECT);
            body.put("forwardedBy", runtime.instanceId());
            return new StateQueryResponse(response.statusCode(), body);
        } catch (IOException | JacksonException e) {
            return error(502, operator, state, keyText, "instance " + location.instanceId().orElse("?") + " at "
                    + location.endpoint().get() + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, operator, state, keyText, "interrupted");
        }
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static StateQueryResponse error(int status, String operator, String state, String key, String message) {
        Map<String, Object> body = body(operator, state, key);
        body.put("error", message);
        return new StateQueryResponse(status, body);
    }

    private static Map<String, Object> body(String operator, String state, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operator", operator);
        body.put("state", state);
        body.put("key", key);
        return body;
    }
}
