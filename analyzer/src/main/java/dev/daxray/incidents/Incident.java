package dev.daxray.incidents;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param pfns      the poisoned pages, sorted; at most {@link #PFNS_LISTED}
 * @param pfnRange  the lowest and highest poisoned page, when the incident has more than
 *                  {@link #FEW_PAGES} (null otherwise, and left out of the JSON)
 * @param pageCount how many distinct pages, with {@code pfnRange} (counted exactly up to 16,384; past that "more than")
 * @param locations where each poisoned page sits on the persistent-memory devices, as far as the run's
 *                  address map can tell (see {@link IncidentLocations}); empty when the incident is not
 *                  about persistent memory and the run has no device layout
 */
@JsonPropertyOrder({"id", "fingerprint", "kind", "labels", "severity", "title", "summary", "host", "boot", "kernel",
        "start", "end", "clock", "pfns", "pfnRange", "pageCount", "physAddrs", "locations", "devices", "filesystems",
        "processes", "evidence", "evidenceCount", "advice"})
public record Incident(String id, String fingerprint, String kind, List<String> labels, String severity, String title,
                       String summary, String host, int boot, String kernel, Object start, Object end, String clock,
                       List<String> pfns, @JsonInclude(JsonInclude.Include.NON_NULL) PfnRange pfnRange,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long pageCount, List<String> physAddrs,
                       List<Location> locations, List<String> devices, List<String> filesystems,
                       List<Process> processes, List<Evidence> evidence, int evidenceCount, String advice) {

    /** Pages an incident lists in {@code pfns}; {@code pfnRange} and {@code pageCount} cover the rest. */
    public static final int PFNS_LISTED = 64;
    /** Up to this many pages, an incident lists them without a range and count. */
    public static final int FEW_PAGES = 3;

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
                clock, pfns, pfnRange, pageCount, physAddrs, locations, devices, filesystems, processes, evidence,
                evidenceCount, advice);
    }

    /** The same incident with another id (two incidents of one run that would share one). */
    Incident withId(String otherId) {
        return new Incident(otherId, fingerprint, kind, labels, severity, title, summary, host, boot, kernel, start, end,
                clock, pfns, pfnRange, pageCount, physAddrs, locations, devices, filesystems, processes, evidence,
                evidenceCount, advice);
    }

    /** The lowest and highest page of an incident with many. */
    @JsonPropertyOrder({"first", "last"})
    public record PfnRange(String first, String last) {
    }

    /** A process signalled or killed. */
    @JsonPropertyOrder({"comm", "pid"})
    public record Process(String comm, Integer pid) {
        @Override
        public String toString() {
            return pid == null ? comm : comm + ":" + pid;
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
