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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FleetJson() {
    }

    public static String write(FleetIncident f) {
        ObjectNode node = MAPPER.valueToTree(f.incident());
        node.put("bundle", f.bundle());
        if (f.time() != null) {
            node.put("time", Instant.ofEpochMilli(f.time()).toString());
        }
        putIfPresent(node, "timeSource", f.timeSource());
        putIfPresent(node, "dmiModel", f.dmiModel());
        putIfPresent(node, "bios", f.bios());
        if (f.occurrence() > 1) {
            node.put("occurrence", f.occurrence());
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FleetIncident read(String json) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(json);
            String bundle = text(node.remove("bundle"));
            String time = text(node.remove("time"));
            String timeSource = text(node.remove("timeSource"));
            String dmiModel = text(node.remove("dmiModel"));
            String bios = text(node.remove("bios"));
            com.fasterxml.jackson.databind.JsonNode occurrence = node.remove("occurrence");
            Incident incident = MAPPER.treeToValue(node, Incident.class);
            return new FleetIncident(incident, bundle, time == null ? null : Instant.parse(time).toEpochMilli(),
                    timeSource, dmiModel, bios, occurrence == null ? 1 : occurrence.asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
