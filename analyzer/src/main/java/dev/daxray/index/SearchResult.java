package dev.daxray.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.daxray.fleet.FleetIncident;

/**
 * What a search found.
 *
 * @param total   incidents matching
 * @param hits    the first {@code limit} of them, newest first (then by id)
 * @param facets  per requested field, its values with counts, most frequent first
 * @param groups  with group-by: fingerprints by the number of hosts that have them
 * @param partial the time limit cut the search short: counts are lower bounds
 */
public record SearchResult(long total, List<FleetIncident> hits, Map<String, List<Count>> facets,
                           List<FingerprintGroup> groups, boolean partial) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facets));
        groups = List.copyOf(groups);
    }

    /** A value and how many incidents have it. */
    public record Count(String value, long count) {
    }

    /**
     * A fingerprint shared by incidents: how many hosts and incidents, the kind, and the first few
     * hosts by name.
     */
    public record FingerprintGroup(String fingerprint, String kind, int hosts, long incidents, List<String> sampleHosts) {
        public FingerprintGroup {
            sampleHosts = List.copyOf(sampleHosts);
        }
    }
}
