package dev.daxray.opensearch;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.index.IncidentFields;

/**
 * The OpenSearch index for fleet incidents, field for field what the local index holds (see
 * {@link IncidentFields}): exact fields are {@code keyword}s (terms aggregations give the facets),
 * {@code pfn} and {@code physAddr} {@code unsigned_long} so ranges above 2^63 stay exact,
 * {@code time} a {@code date} in epoch milliseconds, the other numbers {@code long}s, and the
 * text fields {@code text} with the {@code standard} analyser (Lucene's StandardAnalyzer, as
 * locally, so a phrase or word matches the same incidents). The fleet incident JSON is kept
 * whole in {@code json}, not indexed, so a hit reads back exactly what was exported. Mapping is
 * strict: a document with another field is refused, never silently guessed. One primary shard,
 * so facet counts are exact.
 */
final class IncidentMapping {

    /** The internal field with the place a bundle was read from (reading it again replaces its incidents). */
    static final String SOURCE = IncidentFields.SOURCE;

    private IncidentMapping() {
    }

    static ObjectNode index() {
        ObjectNode root = OpenSearchClient.JSON.createObjectNode();
        root.putObject("settings").putObject("index").put("number_of_shards", 1).put("max_result_window", 100_000);
        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode properties = mappings.putObject("properties");
        properties.set(IncidentFields.JSON, properties.objectNode().put("type", "keyword").put("index", false)
                .put("doc_values", false));
        properties.set(SOURCE, properties.objectNode().put("type", "keyword"));
        fields().forEach((name, type) -> {
            ObjectNode field = properties.putObject(name).put("type", type);
            if (type.equals("text")) {
                field.put("analyzer", "standard");
            } else if (type.equals("date")) {
                field.put("format", "epoch_millis");
            }
        });
        return root;
    }

    /** Every search field with its OpenSearch type. */
    static Map<String, String> fields() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        IncidentFields.KEYWORDS.forEach(f -> fields.put(f, "keyword"));
        for (String f : IncidentFields.NUMBERS) {
            fields.put(f, IncidentFields.HEX_NUMBERS.contains(f) ? "unsigned_long" : f.equals(IncidentFields.TIME) ? "date" : "long");
        }
        IncidentFields.TEXTS.forEach(f -> fields.put(f, "text"));
        return fields;
    }

    /**
     * What in an existing index's mapping ({@code GET INDEX/_mapping}'s properties) would change
     * the meaning of a field, or null when it is what daxray writes.
     */
    static String mismatch(JsonNode properties) {
        for (Map.Entry<String, String> field : fields().entrySet()) {
            JsonNode actual = properties.path(field.getKey()).path("type");
            if (!actual.asText("").equals(field.getValue())) {
                return "field [" + field.getKey() + "] is " + (actual.isMissingNode() ? "not mapped" : "[" + actual.asText() + "]")
                        + ", daxray needs [" + field.getValue() + "]";
            }
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields().containsKey(name) && !name.equals(IncidentFields.JSON) && !name.equals(SOURCE)) {
                return "field [" + name + "] is not one daxray writes";
            }
        }
        return null;
    }
}
