package dev.daxray.fleet;

import java.util.Objects;

import dev.daxray.incidents.Incident;

/**
 * An incident as the fleet index holds it: the triage contract's {@link Incident} (with its host
 * always filled in: the logs' host name, else the bundle's) plus where it was found and when.
 *
 * @param bundle     the host bundle it came from (a directory or archive name under the fleet root)
 * @param time       wall-clock time of its first evidence line in epoch milliseconds, or null
 * @param timeSource {@code log} when the capture printed the time, {@code collected} when it is the
 *                   capture file's modification time (dmesg without -T), or null with no time
 * @param dmiModel   the machine model from the boot's {@code DMI:} line, or null
 * @param bios       the BIOS version and date from the same line, or null
 * @param occurrence 1, or n for the n-th incident of one bundle with the same triage id (triage
 *                   gives untimed incidents without pages, devices or processes one id per kind)
 */
public record FleetIncident(Incident incident, String bundle, Long time, String timeSource, String dmiModel,
                            String bios, int occurrence) {

    public FleetIncident {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(incident.host(), "incident host");
        Objects.requireNonNull(bundle, "bundle");
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence " + occurrence);
        }
    }

    /**
     * The index's unique id: host and the triage id. The triage id alone is not enough: a capture
     * that does not name its host gives the same id for the same problem on two hosts.
     */
    public String id() {
        return incident.host() + "/" + incident.id() + (occurrence > 1 ? "~" + occurrence : "");
    }
}
