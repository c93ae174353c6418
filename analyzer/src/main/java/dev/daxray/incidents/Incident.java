package dev.daxray.incidents;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One root cause: the findings that share evidence or keys, merged. Field order is the JSON
 * contract's. {@code evidence} lists at most {@link IncidentBuilder#EVIDENCE_HEAD} first and
 * {@link IncidentBuilder#EVIDENCE_TAIL} last lines; {@code evidenceCount} says how many there were.
 *
 * @param start monotonic seconds of the first evidence line (a BigDecimal); when the capture has only
 *              wall-clock time, that time as the capture's ISO-8601 text; null when it has neither
 * @param end   the same for the last evidence line
 * @param clock what the reader should know about the evidence's times: an input whose wall clock could
 *              not be aligned with the monotonic captures, or whose alignment is uncertain, or whose
 *              monotonic times were derived from its wall clock ({@code file: note}; null when none)
 * @param locations where each poisoned page sits on the persistent-memory devices, as far as the run's
 *                  address map can tell (see {@link IncidentLocations}); empty when the incident is not
 *                  about persistent memory and the run has no device layout
 */
@JsonPropertyOrder({"id", "fingerprint", "kind", "labels", "severity", "title", "summary", "host", "boot", "kernel",
        "start", "end", "clock", "pfns", "physAddrs", "locations", "devices", "filesystems", "processes", "evidence", "evidenceCount", "advice"})
public record Incident(String id, String fingerprint, String kind, List<String> labels, String severity, String title,
                       String summary, String host, int boot, String kernel, Object start, Object end, String clock,
                       List<String> pfns, List<String> physAddrs, List<Location> locations, List<String> devices,
                       List<String> filesystems,
                       List<Process> processes, List<Evidence> evidence, int evidenceCount, String advice) {

    public Incident {
        labels = List.copyOf(labels);
        pfns = List.copyOf(pfns);
        physAddrs = List.copyOf(physAddrs);
        locations = List.copyOf(locations);
        devices = List.copyOf(devices);
        filesystems = List.copyOf(filesystems);
        processes = List.copyOf(processes);
        evidence = List.copyOf(evidence);
    }

    /** The same incident on another host (fleet bundles name the host when the logs do not). */
    public Incident withHost(String otherHost) {
        return new Incident(id, fingerprint, kind, labels, severity, title, summary, otherHost, boot, kernel, start, end,
                clock, pfns, physAddrs, locations, devices, filesystems, processes, evidence, evidenceCount, advice);
    }

    /** A process signalled or killed. */
    @JsonPropertyOrder({"comm", "pid"})
    public record Process(String comm, Integer pid) {
        @Override
        public String toString() {
            return comm + ":" + (pid == null ? "?" : pid);
        }
    }

    /**
     * Where one poisoned page sits: its namespace sector and the listed badblock covering it, or what
     * the bundle would need to tell.
     *
     * @param pfn          the page
     * @param physAddr     the page's first byte
     * @param namespace    the namespace holding it, when known
     * @param region       the region holding it, when known
     * @param sector       512-byte sector of the page's first byte in the namespace's data area (its badblock
     *                     list and block device), when known
     * @param regionSector the same counted from the region start (a region badblock list)
     * @param badblock     the listed badblock covering the page (the namespace's list preferred), or null
     * @param listed       true when ndctl lists a badblock covering the page
     * @param needed       what the bundle lacks to answer the null parts, or null when nothing is missing
     */
    @JsonPropertyOrder({"pfn", "physAddr", "namespace", "region", "sector", "regionSector", "badblock", "listed",
            "needed"})
    public record Location(String pfn, String physAddr, String namespace, String region, Long sector,
                           Long regionSector, Badblock badblock, boolean listed, String needed) {
    }

    /** A media error range as ndctl listed it: 512-byte sectors from the start of {@code device}'s list. */
    @JsonPropertyOrder({"device", "offset", "length"})
    public record Badblock(String device, long offset, long length) {
    }

    /** One line of evidence, cited as {@code file:line}. */
    @JsonPropertyOrder({"file", "line", "text"})
    public record Evidence(String file, long line, String text) {
    }
}
