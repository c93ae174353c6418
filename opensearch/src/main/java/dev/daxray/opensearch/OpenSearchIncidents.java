package dev.daxray.opensearch;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.index.IncidentFields;
import dev.daxray.index.IncidentQueryParser;
import dev.daxray.index.SearchRequest;
import dev.daxray.index.SearchResult;

/**
 * Searches an OpenSearch incident index as {@code daxray search} searches the local one: the
 * same query syntax (parsed once into the same {@link dev.daxray.index.QueryNode}), the same
 * {@code --since}/{@code --until} filters, newest first then by id, facets as terms
 * aggregations (top 50, most frequent first, then by value) and group-by fingerprint.
 */
public final class OpenSearchIncidents {

    /** The index name when none is given. */
    public static final String DEFAULT_INDEX = "daxray-incidents";
    private static final int FACET_TOP = 50;
    private static final int SAMPLE_HOSTS = 5;

    private final OpenSearchClient client;
    private final String index;

    public OpenSearchIncidents(URI url, String index, OpenSearchClient.Retry retry) {
        this.client = new OpenSearchClient(url, retry);
        this.index = index;
    }

    public OpenSearchClient client() {
        return client;
    }

    /** An exporter to this index (created when missing). */
    public IncidentExporter exporter(IncidentExporter.Limits limits) throws IOException {
        return IncidentExporter.open(client, index, limits);
    }

    /** Runs a search; a bad query is a {@link dev.daxray.index.QueryException}, as locally. */
    public SearchResult search(SearchRequest request) throws IOException {
        request.checkFacets();
        ObjectNode query = OpenSearchQueries.of(IncidentQueryParser.parse(request.query(), request.now()));
        IncidentIndexes.requireExisting(client, index);
        ObjectNode body = OpenSearchClient.JSON.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must").add(query);
        if (request.since() != null || request.until() != null) {
            ObjectNode time = bool.putArray("filter").addObject().putObject("range").putObject(IncidentFields.TIME);
            if (request.since() != null) {
                time.put("gte", request.since());
            }
            if (request.until() != null) {
                time.put("lt", request.until());
            }
            time.put("format", "epoch_millis");
        }
        body.put("size", request.limit()).put("track_total_hits", true).put("timeout", request.timeoutMillis() + "ms");
        body.putArray("_source").add(IncidentFields.JSON);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject(IncidentFields.TIME).put("order", "desc").put("missing", "_last");
        sort.addObject().putObject(IncidentFields.ID).put("order", "asc");
        ObjectNode aggs = body.putObject("aggs");
        for (String field : request.facets()) {
            terms(aggs.putObject("facet:" + field), field, FACET_TOP);
        }
        if (request.groupBy()) {
            ObjectNode groups = terms(aggs.putObject("groups"), IncidentFields.FINGERPRINT, 65_536);
            ObjectNode sub = groups.putObject("aggs");
            sub.putObject("hosts").putObject("cardinality").put("field", IncidentFields.HOST).put("precision_threshold", 40_000);
            terms(sub.putObject("sample"), IncidentFields.HOST, SAMPLE_HOSTS).with("terms").putArray("order")
                    .addObject().put("_key", "asc");
            terms(sub.putObject("kind"), IncidentFields.KIND, 1);
        }
        OpenSearchClient.Response response = client.json("POST", index + "/_search", body);
        if (!response.ok()) {
            throw new OpenSearchException("OpenSearch refused the search of [" + index + "]: " + OpenSearchClient.reason(response));
        }
        return result(request, response.body());
    }

    private static ObjectNode terms(ObjectNode agg, String field, int size) {
        ObjectNode terms = agg.putObject("terms").put("field", field).put("size", size);
        ArrayNode order = terms.putArray("order");
        order.addObject().put("_count", "desc");
        order.addObject().put("_key", "asc");
        return agg;
    }

    private static SearchResult result(SearchRequest request, JsonNode body) {
        long total = body.path("hits").path("total").path("value").asLong();
        List<FleetIncident> hits = new ArrayList<>();
        for (JsonNode hit : body.path("hits").path("hits")) {
            hits.add(FleetJson.read(hit.path("_source").path(IncidentFields.JSON).asText()));
        }
        Map<String, List<SearchResult.Count>> facets = new LinkedHashMap<>();
        for (String field : request.facets()) {
            List<SearchResult.Count> counts = new ArrayList<>();
            for (JsonNode bucket : body.path("aggregations").path("facet:" + field).path("buckets")) {
                counts.add(new SearchResult.Count(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
            }
            facets.put(field, total == 0 ? List.of() : counts);
        }
        List<SearchResult.FingerprintGroup> groups = new ArrayList<>();
        for (JsonNode bucket : body.path("aggregations").path("groups").path("buckets")) {
            List<String> sample = new ArrayList<>();
            bucket.path("sample").path("buckets").forEach(b -> sample.add(b.path("key").asText()));
            groups.add(new SearchResult.FingerprintGroup(bucket.path("key").asText(),
                    bucket.path("kind").path("buckets").path(0).path("key").asText(null),
                    bucket.path("hosts").path("value").asInt(), bucket.path("doc_count").asLong(), sample));
        }
        groups.sort(java.util.Comparator.comparingInt(SearchResult.FingerprintGroup::hosts).reversed()
                .thenComparing(java.util.Comparator.comparingLong(SearchResult.FingerprintGroup::incidents).reversed())
                .thenComparing(SearchResult.FingerprintGroup::fingerprint));
        return new SearchResult(total, hits, facets, groups, body.path("timed_out").asBoolean(false));
    }
}
