package dev.daxray.opensearch;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

/** Creates the incident index with daxray's mapping, or checks that an existing one has it. */
final class IncidentIndexes {

    private IncidentIndexes() {
    }

    static void ensure(OpenSearchClient client, String index) throws IOException {
        OpenSearchClient.Response existing = client.json("GET", index + "/_mapping", null);
        if (existing.status() == 404) {
            OpenSearchClient.Response created = client.json("PUT", index, IncidentMapping.index());
            if (created.ok()) {
                return;
            }
            if (!OpenSearchClient.reason(created).contains("resource_already_exists_exception")) {
                throw new OpenSearchException("OpenSearch refused to create index [" + index + "] with daxray's mapping: "
                        + OpenSearchClient.reason(created));
            }
            existing = client.json("GET", index + "/_mapping", null);     // made by someone else meanwhile
        }
        if (!existing.ok()) {
            throw new OpenSearchException("cannot read the mapping of OpenSearch index [" + index + "]: "
                    + OpenSearchClient.reason(existing));
        }
        JsonNode properties = existing.body().path(index).path("mappings").path("properties");
        String mismatch = IncidentMapping.mismatch(properties);
        if (mismatch != null) {
            throw new OpenSearchException("OpenSearch index [" + index + "] has a mapping daxray cannot use: " + mismatch
                    + "; give another --index-name, or delete the index");
        }
    }

    /** Refuses a search of an index that is missing or not daxray's. */
    static void requireExisting(OpenSearchClient client, String index) throws IOException {
        OpenSearchClient.Response existing = client.json("GET", index + "/_mapping", null);
        if (existing.status() == 404) {
            throw new OpenSearchException("no OpenSearch index [" + index + "] at " + client.base()
                    + " (export one with daxray export --index DIR --opensearch " + client.base() + ")");
        }
        if (!existing.ok()) {
            throw new OpenSearchException("cannot read OpenSearch index [" + index + "]: " + OpenSearchClient.reason(existing));
        }
        String mismatch = IncidentMapping.mismatch(existing.body().path(index).path("mappings").path("properties"));
        if (mismatch != null) {
            throw new OpenSearchException("OpenSearch index [" + index + "] is not a daxray incident index: " + mismatch);
        }
    }
}
