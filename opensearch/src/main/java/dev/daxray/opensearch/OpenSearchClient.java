package dev.daxray.opensearch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The few REST calls daxray makes, over the JDK's {@link HttpClient} with Jackson: no client
 * library, as we send a handful of JSON requests and the JDK and Jackson are already on the class
 * path. A 429 or 5xx answer is retried with exponential backoff ({@link Retry}); a cluster that
 * cannot be reached is an {@link OpenSearchException} that names the URL.
 */
public final class OpenSearchClient {

    /** How often and how patiently to retry a 429 / 5xx answer or a lost connection. */
    public record Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {
        public static final Retry DEFAULT = new Retry(6, Duration.ofMillis(200), Duration.ofSeconds(10));

        Duration backoff(int attempt) {
            long millis = firstBackoff.toMillis() << Math.min(20, attempt);
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }

    /** An answer: its HTTP status and its JSON body (missing when there was none). */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Retry retry;

    public OpenSearchClient(URI base, Retry retry) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.retry = retry;
    }

    public URI base() {
        return base;
    }

    Retry retry() {
        return retry;
    }

    /** Waits before retry number {@code attempt + 1}. */
    void pause(int attempt) throws OpenSearchException {
        sleep(retry.backoff(attempt));
    }

    /** Sends a request, retrying 429s, 5xx answers and lost connections; the last answer is returned. */
    public Response send(String method, String path, String contentType, String body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2));
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", contentType);
        }
        HttpRequest request = builder.build();
        IOException lastFailure = null;
        for (int attempt = 0; attempt < retry.attempts(); attempt++) {
            if (attempt > 0) {
                sleep(retry.backoff(attempt - 1));
            }
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Response response = new Response(answer.statusCode(), parse(answer.body()));
                if (response.status() != 429 && response.status() < 500) {
                    return response;
                }
                if (attempt == retry.attempts() - 1) {
                    return response;
                }
            } catch (ConnectException | HttpConnectTimeoutException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenSearchException("interrupted while talking to OpenSearch at " + base, e);
            }
        }
        throw new OpenSearchException("cannot reach OpenSearch at " + base + " (" + describe(lastFailure) + ", "
                + retry.attempts() + " attempts)", lastFailure);
    }

    /** A JSON request. */
    public Response json(String method, String path, JsonNode body) throws IOException {
        return send(method, path, "application/json", body == null ? null : JSON.writeValueAsString(body));
    }

    /** The answer's error in words: OpenSearch's reason when it gave one. */
    static String reason(Response response) {
        JsonNode error = response.body().path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode root = error.path("root_cause").path(0);
        JsonNode cause = root.isMissingNode() ? error : root;
        String type = cause.path("type").asText("");
        String reason = cause.path("reason").asText("");
        String text = (type + ": " + reason).replaceAll("^: |: $", "");
        return text.isEmpty() ? "HTTP " + response.status() : text + " (HTTP " + response.status() + ")";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().objectNode().put("error", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    private static String describe(IOException e) {
        if (e == null) {
            return "no answer";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName().replace("Exception", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) : e.getMessage();
    }

    private static void sleep(Duration d) throws OpenSearchException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenSearchException("interrupted", e);
        }
    }
}
