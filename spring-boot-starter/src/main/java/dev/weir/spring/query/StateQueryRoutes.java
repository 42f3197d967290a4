package dev.weir.spring.query;

import java.util.List;
import java.util.Map;

import dev.weir.runtime.WeirRuntime;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP interface of state queries, as Spring MVC functional routes:
 * {@code GET <path>} lists the queryable operators and their states,
 * {@code GET <path>/<operator>/<state>/<key>} reads one key's state, wherever its task runs.
 */
public final class StateQueryRoutes {

    private StateQueryRoutes() {
    }

    /** The routes under {@code path}. */
    public static RouterFunction<ServerResponse> routes(String path, StateQueryService queries,
                                                        WeirRuntimeLifecycle lifecycle) {
        return RouterFunctions.route()
                .GET(path, request -> operators(lifecycle))
                .GET(path + "/{operator}/{state}/{key}", request -> query(queries, request))
                .build();
    }

    private static ServerResponse query(StateQueryService queries, ServerRequest request) {
        StateQueryResponse response = queries.query(request.pathVariable("operator"), request.pathVariable("state"),
                request.pathVariable("key"), request.headers().firstHeader(StateQueryService.FORWARDED_BY));
        return ServerResponse.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
    }

    private static ServerResponse operators(WeirRuntimeLifecycle lifecycle) {
        List<Map<String, Object>> operators = lifecycle.runtime().filter(r -> r.state() == WeirRuntime.State.RUNNING)
                .map(r -> r.queryableOperators().stream()
                        .map(o -> Map.<String, Object>of("operator", o.uid(), "states", o.states())).toList())
                .orElse(List.of());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("operators", operators));
    }
}
