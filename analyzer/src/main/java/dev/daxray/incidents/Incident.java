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
 */
@JsonPropertyOrder({"id", "fingerprint", "kind", "labels", "severity", "title", "summary", "host", "boot", "kernel",
        "start", "end", "pfns", "physAddrs", "devices", "filesystems", "processes", "evidence", "evidenceCount", "advice"})
public record Incident(String id, String fingerprint, String kind, List<String> labels, String severity, String title,
                       String summary, String host, int boot, String kernel, Object start, Object end,
                       List<String> pfns, List<String> physAddrs, List<String> devices, List<String> filesystems,
                       List<Process> processes, List<Evidence> evidence, int evidenceCount, String advice) {

    public Incident {
        labels = List.copyOf(labels);
        pfns = List.copyOf(pfns);
        physAddrs = List.copyOf(physAddrs);
        devices = List.copyOf(devices);
        filesystems = List.copyOf(filesystems);
        processes = List.copyOf(processes);
        evidence = List.copyOf(evidence);
    }

    /** A process signalled or killed. */
    @JsonPropertyOrder({"comm", "pid"})
    public record Process(String comm, Integer pid) {
        @Override
        public String toString() {
            return comm + ":" + (pid == null ? "?" : pid);
        }
    }

    /** One line of evidence, cited as {@code file:line}. */
    @JsonPropertyOrder({"file", "line", "text"})
    public record Evidence(String file, long line, String text) {
    }
}
