package dev.daxray.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * One HTTP exchange as the handlers see it: the decoded query parameters (bounded in size and
 * number) and the ways to answer, each with the security headers every response carries.
 */
final class Request {

    /** Longest request target (path and query) accepted. */
    static final int MAX_TARGET_CHARS = 8_192;
    /** Most query parameters accepted. */
    static final int MAX_PARAMS = 64;

    /**
     * The page may load its own script and stylesheet and nothing else: no inline script or style,
     * no eval, no other origin, no framing, forms only to itself.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final HttpExchange exchange;
    private final Map<String, List<String>> params;
    private final long started = System.nanoTime();

    private Request(HttpExchange exchange, Map<String, List<String>> params) {
        this.exchange = exchange;
        this.params = params;
    }

    /** The exchange's parameters; a target or parameter list over the bounds is a {@link BadRequest} (414 / 400). */
    static Request of(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        String target = exchange.getRequestURI().getRawPath() + (raw == null ? "" : "?" + raw);
        if (target.length() > MAX_TARGET_CHARS) {
            throw new BadRequest(414, "request target longer than " + MAX_TARGET_CHARS + " characters");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            String[] pairs = raw.split("&");
            if (pairs.length > MAX_PARAMS) {
                throw new BadRequest(400, "more than " + MAX_PARAMS + " query parameters");
            }
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                } catch (IllegalArgumentException e) {
                    throw new BadRequest(400, "bad percent-encoding in the query string");
                }
            }
        }
        return new Request(exchange, params);
    }

    /** The exchange without its parameters (when they could not be read), to answer with an error. */
    static Request bare(HttpExchange exchange) {
        return new Request(exchange, Map.of());
    }

    String path() {
        return exchange.getRequestURI().getRawPath();
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The parameter's first value, or null. */
    String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The parameter's first value when not blank, else null. */
    String nonBlank(String name) {
        String v = param(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The parameter's first value when not blank, else a {@link BadRequest} that asks for {@code what}. */
    String required(String name, String what) {
        String v = nonBlank(name);
        if (v == null) {
            throw new BadRequest(400, "give " + what);
        }
        return v;
    }

    List<String> params(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** An integer parameter within [min, max], {@code fallback} when absent; else a {@link BadRequest}. */
    int intParam(String name, int fallback, int min, int max) {
        String v = nonBlank(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadRequest(400, name + " must be a whole number from " + min + " to " + max);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Sends {@code body} with {@code status} and {@code contentType}; HEAD gets the headers only. */
    void send(int status, String contentType, String body) throws IOException {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8), "no-store");
    }

    void send(int status, String contentType, byte[] body, String cacheControl) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cache-Control", cacheControl);
        // The time spent answering, for a browser's developer tools and bench/ServeBench.java.
        h.set("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - started) / 1e6));
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    /** A request that cannot be answered as asked: its status and why. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
