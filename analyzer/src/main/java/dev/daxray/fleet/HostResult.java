package dev.daxray.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * One host bundle read into the index's terms: its record (content key, host, source, problems)
 * and its fleet incidents. A runner that reads hosts in one place and writes outputs in another
 * (the Flink job's journals) hands these on as one line of JSON each:
 * {@code {"record":{…},"incidents":[fleet incident JSON…]}}.
 */
public record HostResult(BundleRecord record, List<FleetIncident> incidents) {

    public HostResult {
        incidents = List.copyOf(incidents);
    }

    /** The result of a bundle that was read ({@link BundleReader.Status#INDEXED}). */
    public static HostResult of(BundleReader.Outcome outcome) {
        if (outcome.status() != BundleReader.Status.INDEXED) {
            throw new IllegalArgumentException("bundle " + outcome.bundle().name() + " was not read: " + outcome.status());
        }
        return new HostResult(outcome.record(), outcome.incidents());
    }

    /** One line of JSON, no line break in it. */
    public String toJsonLine() {
        StringBuilder line = new StringBuilder("{\"record\":").append(record.toJson()).append(",\"incidents\":[");
        for (int i = 0; i < incidents.size(); i++) {
            line.append(i == 0 ? "" : ",").append(FleetJson.write(incidents.get(i)));
        }
        return line.append("]}").toString();
    }

    /** The result {@link #toJsonLine} wrote. */
    public static HostResult fromJsonLine(String line) {
        try {
            JsonNode root = FleetJson.tree(line);
            BundleRecord record = BundleRecord.fromJson(root.get("record").toString());
            List<FleetIncident> incidents = new ArrayList<>();
            for (JsonNode incident : root.get("incidents")) {
                incidents.add(FleetJson.read((ObjectNode) incident));
            }
            return new HostResult(record, incidents);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("not a host result line: " + e.getMessage(), e));
        }
    }
}
