package dev.daxray.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.fleet.FleetIncident;

/**
 * Writes fleet incidents to an OpenSearch index, a host (source) at a time, with the local
 * index's guarantees: each incident is upserted by {@code _id} = {@code host/incident-id}, so
 * re-running never duplicates; a place read again replaces what it gave before (its older
 * documents are deleted once the new ones are written). Requests are bounded ({@link Limits});
 * a 429 or 5xx answer, for the whole bulk or for single items, is retried with backoff; any other
 * refusal stops the export with the documents' ids and OpenSearch's reasons. {@link #written()}
 * counts only documents OpenSearch acknowledged.
 */
public final class IncidentExporter {

    /** Bulk request bounds. */
    public record Limits(int documents, int bytes) {
        public static final Limits DEFAULT = new Limits(1_000, 8 << 20);
    }

    private final OpenSearchClient client;
    private final String index;
    private final Limits limits;
    private final List<String[]> pending = new ArrayList<>();      // {id, action+document lines}
    private final Map<String, List<String>> pendingSources = new LinkedHashMap<>();
    private int pendingBytes;
    private long written;

    private IncidentExporter(OpenSearchClient client, String index, Limits limits) {
        this.client = client;
        this.index = index;
        this.limits = limits;
    }

    /** An exporter to {@code index}, created with daxray's mapping when missing; refused when its mapping differs. */
    public static IncidentExporter open(OpenSearchClient client, String index, Limits limits) throws IOException {
        IncidentIndexes.ensure(client, index);
        return new IncidentExporter(client, index, limits);
    }

    /** Adds a place's incidents (null source: incidents without one, never replaced). */
    public void add(String source, List<FleetIncident> incidents) throws IOException {
        List<String[]> docs = new ArrayList<>();
        int bytes = 0;
        List<String> ids = new ArrayList<>();
        for (FleetIncident f : incidents) {
            String action = "{\"index\":{\"_index\":" + OpenSearchClient.JSON.writeValueAsString(index) + ",\"_id\":"
                    + OpenSearchClient.JSON.writeValueAsString(f.id()) + "}}\n";
            String line = action + OpenSearchClient.JSON.writeValueAsString(IncidentDocuments.of(f, source)) + "\n";
            docs.add(new String[] {f.id(), line});
            bytes += line.length();
            ids.add(f.id());
        }
        if (!pending.isEmpty() && (pending.size() + docs.size() > limits.documents() || pendingBytes + bytes > limits.bytes())) {
            flush();
        }
        pending.addAll(docs);
        pendingBytes += bytes;
        if (source != null) {
            pendingSources.computeIfAbsent(source, s -> new ArrayList<>()).addAll(ids);
        }
        if (pending.size() >= limits.documents() || pendingBytes >= limits.bytes()) {
            flush();
        }
    }

    /** Documents OpenSearch acknowledged so far. */
    public long written() {
        return written;
    }

    /** Writes what is pending, then drops the replaced documents of its places. */
    public void flush() throws IOException {
        int from = 0;
        while (from < pending.size()) {
            int to = from;
            int bytes = 0;
            while (to < pending.size() && to - from < limits.documents()
                    && (to == from || bytes + pending.get(to)[1].length() <= limits.bytes())) {
                bytes += pending.get(to)[1].length();
                to++;
            }
            bulk(pending.subList(from, to));
            from = to;
        }
        pending.clear();
        pendingBytes = 0;
        if (!pendingSources.isEmpty()) {
            deleteReplaced();
            pendingSources.clear();
        }
    }

    /** Flushes and makes everything written visible to searches. */
    public void finish() throws IOException {
        flush();
        OpenSearchClient.Response refresh = client.json("POST", index + "/_refresh", null);
        if (!refresh.ok()) {
            throw new OpenSearchException("OpenSearch refused to refresh [" + index + "]: " + OpenSearchClient.reason(refresh));
        }
    }

    private void bulk(List<String[]> docs) throws IOException {
        List<String[]> todo = docs;
        for (int attempt = 0; ; attempt++) {
            StringBuilder body = new StringBuilder();
            todo.forEach(d -> body.append(d[1]));
            OpenSearchClient.Response response = client.send("POST", "_bulk", "application/x-ndjson", body.toString());
            if (!response.ok()) {
                throw new OpenSearchException("OpenSearch refused a bulk request to [" + index + "]: " + OpenSearchClient.reason(response));
            }
            List<String[]> retry = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            JsonNode items = response.body().path("items");
            for (int i = 0; i < todo.size(); i++) {
                JsonNode item = items.path(i).path("index");
                int status = item.path("status").asInt(0);
                if (status >= 200 && status < 300) {
                    written++;
                } else if (status == 429 || status >= 500 || status == 0) {
                    retry.add(todo.get(i));
                } else {
                    refused.add(todo.get(i)[0] + ": " + item.path("error").path("type").asText("?") + ": "
                            + item.path("error").path("reason").asText(""));
                }
            }
            if (!refused.isEmpty()) {
                throw new OpenSearchException(refused.size() + " incident" + (refused.size() == 1 ? " was" : "s were")
                        + " refused by OpenSearch index [" + index + "]: " + String.join("; ", refused.subList(0, Math.min(5, refused.size())))
                        + (refused.size() > 5 ? "; …" : ""));
            }
            if (retry.isEmpty()) {
                return;
            }
            if (attempt + 1 >= client.retry().attempts()) {
                throw new OpenSearchException(retry.size() + " incidents not written to [" + index
                        + "]: OpenSearch kept answering busy or failing after " + client.retry().attempts() + " attempts");
            }
            client.pause(attempt);
            todo = retry;
        }
    }

    /** Deletes the documents of the pending places that this export did not write again. */
    private void deleteReplaced() throws IOException {
        ObjectNode query = OpenSearchClient.JSON.createObjectNode();
        ObjectNode bool = query.putObject("query").putObject("bool");
        ArrayNode sources = bool.putArray("filter").addObject().putObject("terms").putArray(IncidentMapping.SOURCE);
        pendingSources.keySet().forEach(sources::add);
        ArrayNode ids = bool.putArray("must_not").addObject().putObject("ids").putArray("values");
        pendingSources.values().forEach(list -> list.forEach(ids::add));
        OpenSearchClient.Response response = client.json("POST", index + "/_delete_by_query?conflicts=proceed&refresh=false", query);
        if (!response.ok() || response.body().path("failures").size() > 0) {
            throw new OpenSearchException("OpenSearch could not delete the replaced incidents in [" + index + "]: "
                    + (response.ok() ? response.body().path("failures").path(0).toString() : OpenSearchClient.reason(response)));
        }
    }
}
