package dev.daxray.opensearch;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.index.IncidentFields;

/** A fleet incident as an OpenSearch document: the same field values the local index gets ({@link IncidentFields#values}). */
final class IncidentDocuments {

    private IncidentDocuments() {
    }

    static ObjectNode of(FleetIncident incident, String source) {
        IncidentFields.Values values = IncidentFields.values(incident);
        ObjectNode doc = OpenSearchClient.JSON.createObjectNode();
        values.keywords().forEach((field, list) -> put(doc, field, list, v -> doc.textNode(v)));
        values.numbers().forEach((field, list) -> put(doc, field, list, v -> IncidentFields.HEX_NUMBERS.contains(field)
                ? doc.numberNode(unsigned(v)) : doc.numberNode(v)));
        values.texts().forEach(doc::put);
        if (source != null) {
            doc.put(IncidentMapping.SOURCE, source);
        }
        doc.put(IncidentFields.JSON, FleetJson.write(incident));
        return doc;
    }

    static BigInteger unsigned(long bits) {
        return new BigInteger(Long.toUnsignedString(bits));
    }

    private static <T> void put(ObjectNode doc, String field, List<T> values,
                                java.util.function.Function<T, com.fasterxml.jackson.databind.JsonNode> node) {
        if (values.size() == 1) {
            doc.set(field, node.apply(values.get(0)));
        } else {
            ArrayNode array = doc.putArray(field);
            values.forEach(v -> array.add(node.apply(v)));
        }
    }
}
