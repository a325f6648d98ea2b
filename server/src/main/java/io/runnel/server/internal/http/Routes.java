package io.runnel.server.internal.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The routing table: exact paths and path prefixes to handlers, per HTTP method. A handler is
 * an {@link Endpoint} or a {@link StreamingEndpoint}.
 */
final class Routes {

    private final Map<String, Map<HttpMethod, Object>> exact = new LinkedHashMap<>();
    private final List<PrefixRoute> prefixes = new ArrayList<>();

    Routes add(HttpMethod method, String path, Endpoint endpoint) {
        return put(method, path, endpoint);
    }

    Routes add(HttpMethod method, String path, StreamingEndpoint endpoint) {
        return put(method, path, endpoint);
    }

    /** A route for every path starting with {@code prefix} (which should end with '/'). */
    Routes addPrefix(HttpMethod method, String prefix, Endpoint endpoint) {
        prefixes.add(new PrefixRoute(method, prefix, endpoint));
        return this;
    }

    private Routes put(HttpMethod method, String path, Object handler) {
        Object previous = exact.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
        if (previous != null) {
            throw new IllegalStateException("two routes for " + method + " " + path);
        }
        return this;
    }

    /** The handler for a request, or why there is none. */
    Match match(HttpMethod method, String path) {
        Map<HttpMethod, Object> byMethod = exact.get(path);
        if (byMethod != null) {
            Object handler = byMethod.get(method);
            return handler == null ? new Match(null, true) : new Match(handler, false);
        }
        boolean pathKnown = false;
        for (PrefixRoute route : prefixes) {
            if (path.startsWith(route.prefix()) && path.length() > route.prefix().length()) {
                if (route.method().equals(method)) {
                    return new Match(route.endpoint(), false);
                }
                pathKnown = true;
            }
        }
        return new Match(null, pathKnown);
    }

    /** A routing decision: a handler, or none because the method or the path is unknown. */
    record Match(Object handler, boolean methodNotAllowed) {
    }

    private record PrefixRoute(HttpMethod method, String prefix, Endpoint endpoint) {
        PrefixRoute {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }
}
