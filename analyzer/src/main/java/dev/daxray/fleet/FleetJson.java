package dev.daxray.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.incidents.Incident;

/**
 * One fleet incident as one line of JSON: the triage contract's fields in contract order, then
 * {@code bundle}, {@code time} (ISO-8601 UTC), {@code timeSource}, {@code dmiModel}, {@code bios},
 * {@code occurrence} (absent values, and occurrence 1, left out). The index stores exactly this text, and {@code --ndjson} writes it.
 */
public final class FleetJson {

    /** Reads decimals as BigDecimal with their scale, so {@code 612.338120} reads back exactly. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private FleetJson() {
    }

    public static String write(FleetIncident f) {
        try {
            // The incident as Jackson writes it, then the fleet fields spliced in before its closing
            // brace: a third of the cost of building a tree first, which matters at a million documents.
            String incident = MAPPER.writeValueAsString(f.incident());
            StringBuilder json = new StringBuilder(incident.length() + 200).append(incident, 0, incident.length() - 1);
            field(json, "bundle", f.bundle());
            if (f.time() != null) {
                field(json, "time", Instant.ofEpochMilli(f.time()).toString());
            }
            field(json, "timeSource", f.timeSource());
            field(json, "dmiModel", f.dmiModel());
            field(json, "bios", f.bios());
            if (f.occurrence() > 1) {
                json.append(",\"occurrence\":").append(f.occurrence());
            }
            return json.append('}').toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(StringBuilder json, String name, String value) throws JsonProcessingException {
        if (value != null) {
            json.append(",\"").append(name).append("\":").append(MAPPER.writeValueAsString(value));
        }
    }

    public static FleetIncident read(String json) {
        try {
            return read((ObjectNode) MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fleet incident from a tree {@link #tree} parsed (the tree is consumed). */
    static FleetIncident read(ObjectNode node) throws IOException {
        String bundle = text(node.remove("bundle"));
        String time = text(node.remove("time"));
        String timeSource = text(node.remove("timeSource"));
        String dmiModel = text(node.remove("dmiModel"));
        String bios = text(node.remove("bios"));
        com.fasterxml.jackson.databind.JsonNode occurrence = node.remove("occurrence");
        Incident incident = MAPPER.treeToValue(node, Incident.class);
        return new FleetIncident(incident, bundle, time == null ? null : Instant.parse(time).toEpochMilli(),
                timeSource, dmiModel, bios, occurrence == null ? 1 : occurrence.asInt());
    }

    /** A JSON text read the way fleet incidents must be (decimals keep their scale). */
    static com.fasterxml.jackson.databind.JsonNode tree(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
