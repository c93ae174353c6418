package dev.daxray.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;

/**
 * A search result as JSON, the contract of {@code search --format json} and of the web API's
 * {@code /api/search}: {@code {"total", "partial", "incidents": [fleet incident JSON…],
 * "facets": {field: {value: count}}, "groups": [{"fingerprint", "kind", "hosts", "incidents",
 * "sampleHosts"}]}} (facets and groups only when asked for).
 */
public final class SearchJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SearchJson() {
    }

    /** The result as a tree, for callers that add to it. */
    public static ObjectNode tree(SearchResult result) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("total", result.total());
        root.put("partial", result.partial());
        ArrayNode incidents = root.putArray("incidents");
        for (FleetIncident f : result.hits()) {
            incidents.add(MAPPER.readTree(FleetJson.write(f)));
        }
        if (!result.facets().isEmpty()) {
            ObjectNode facets = root.putObject("facets");
            for (Map.Entry<String, List<SearchResult.Count>> facet : result.facets().entrySet()) {
                Map<String, Long> counts = new LinkedHashMap<>();
                facet.getValue().forEach(c -> counts.put(c.value(), c.count()));
                facets.set(facet.getKey(), MAPPER.valueToTree(counts));
            }
        }
        if (!result.groups().isEmpty()) {
            root.set("groups", MAPPER.valueToTree(result.groups()));
        }
        return root;
    }

    /** Pretty-printed, with {@code \n} line ends on every platform. */
    public static String write(SearchResult result) throws IOException {
        return pretty(tree(result));
    }

    /** Any tree pretty-printed the same way. */
    public static String pretty(ObjectNode tree) throws IOException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree).replace("\r\n", "\n");
    }
}
