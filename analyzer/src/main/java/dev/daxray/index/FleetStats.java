package dev.daxray.index;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The fleet summary {@code daxray report} prints: counts over every incident in the index.
 *
 * @param incidents        incidents in the index
 * @param bundles          host bundles read (with or without incidents)
 * @param hosts            distinct hosts with incidents
 * @param byKind           incidents per kind, most first
 * @param bySeverity       incidents per severity, critical first
 * @param byKernel         incidents per kernel release, most first
 * @param topFingerprints  fingerprints by host count
 * @param topHosts         hosts by incident count
 * @param severityByDay    per UTC day (yyyy-MM-dd), incidents per severity; incidents without a time are left out
 * @param kernelByDay      per UTC day, incidents per kernel
 * @param untimed          incidents without a wall-clock time
 * @param bundleProblems   bundles whose reading reported problems: bundle → problems
 */
public record FleetStats(long incidents, long bundles, long hosts, List<SearchResult.Count> byKind,
                         List<SearchResult.Count> bySeverity, List<SearchResult.Count> byKernel,
                         List<SearchResult.FingerprintGroup> topFingerprints, List<SearchResult.Count> topHosts,
                         SortedMap<String, Map<String, Long>> severityByDay, SortedMap<String, Map<String, Long>> kernelByDay,
                         long untimed, Map<String, List<String>> bundleProblems) {
}
