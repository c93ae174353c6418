package dev.daxray.serve;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.index.IncidentFields;
import dev.daxray.index.QueryException;
import dev.daxray.index.SearchJson;
import dev.daxray.index.SearchRequest;
import dev.daxray.index.SearchResult;
import dev.daxray.index.TimeHistogram;
import dev.daxray.index.TimeSpec;

/**
 * The JSON API under {@code /api/}: {@code search} answers what {@code search --format json}
 * prints, {@code incident} one fleet incident JSON, {@code overview} the fleet summary,
 * {@code histogram} the matches over time. Errors are {@code {"error": "...", "column": N}}
 * with 400 (a bad query or parameter) or 404 (no such incident).
 */
final class Api {

    /** Most hits one {@code /api/search} returns. */
    static final int MAX_LIMIT = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json; charset=utf-8";

    private Api() {
    }

    static void search(Request request, LiveIndex live) throws IOException {
        String group = request.nonBlank("group");
        if (group != null && !group.equals(IncidentFields.FINGERPRINT)) {
            throw new Request.BadRequest(400, "group must be fingerprint");
        }
        SearchRequest search = new SearchRequest(query(request), time(request, "since"), time(request, "until"),
                request.intParam("limit", 20, 0, MAX_LIMIT), request.params("facet"), group != null,
                request.intParam("timeout", (int) SearchPage.TIMEOUT_MILLIS, 1, (int) SearchPage.TIMEOUT_MILLIS), Instant.now());
        try (LiveIndex.Snapshot snap = live.acquire()) {
            SearchResult result = snap.index().search(search);
            request.send(200, JSON, SearchJson.write(result) + "\n");
        } catch (QueryException e) {
            error(request, 400, e.getMessage(), e.column());
        }
    }

    static void histogram(Request request, LiveIndex live) throws IOException {
        SearchRequest search = new SearchRequest(query(request), time(request, "since"), time(request, "until"), 0, List.of(),
                false, SearchPage.TIMEOUT_MILLIS, Instant.now());
        try (LiveIndex.Snapshot snap = live.acquire()) {
            TimeHistogram h = snap.index().histogram(search, request.intParam("buckets", 60, 1, 1_000));
            ObjectNode root = MAPPER.createObjectNode();
            root.put("from", Format.iso(h.from()));
            root.put("to", Format.iso(h.to()));
            root.put("widthMillis", h.width());
            ArrayNode counts = root.putArray("counts");
            for (long c : h.counts()) {
                counts.add(c);
            }
            root.put("untimed", h.untimed());
            root.put("partial", h.partial());
            request.send(200, JSON, SearchJson.pretty(root) + "\n");
        } catch (QueryException e) {
            error(request, 400, e.getMessage(), e.column());
        }
    }

    static void incident(Request request, LiveIndex live) throws IOException {
        String id = request.required("id", "the incident's id: /api/incident?id=HOST/ID");
        try (LiveIndex.Snapshot snap = live.acquire()) {
            FleetIncident f = snap.index().get(id);
            if (f == null) {
                error(request, 404, "no incident " + id + " in the index", 0);
                return;
            }
            request.send(200, JSON, FleetJson.write(f) + "\n");
        }
    }

    static void overview(Request request, LiveIndex live) throws IOException {
        try (LiveIndex.Snapshot snap = live.acquire()) {
            request.send(200, JSON, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(snap.stats()) + "\n");
        }
    }

    static void error(Request request, int status, String message, int column) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("error", message);
        if (column > 0) {
            root.put("column", column);
        }
        request.send(status, JSON, MAPPER.writeValueAsString(root) + "\n");
    }

    private static String query(Request request) {
        String q = request.param("q");
        return q == null ? "" : q;
    }

    private static Long time(Request request, String name) {
        String value = request.nonBlank(name);
        if (value == null) {
            return null;
        }
        try {
            return TimeSpec.parse(value, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest(400, name + ": " + e.getMessage());
        }
    }
}
