package dev.daxray.events;

import java.util.List;

/**
 * An {@code ndctl monitor} event: a DIMM event fired, with the DIMM's health at that time. Its
 * {@code wall} is the monitor's CLOCK_REALTIME timestamp.
 *
 * @param events           the event types that fired, e.g. {@code dimm-health-state}
 * @param uncleanShutdowns the health's {@code shutdown_count}
 * @param alarms           tripped alarms and failure flags, as in {@code dimm-health}
 */
@EventType(value = "ndctl-monitor", description = "ndctl monitor DIMM event")
public record NdctlMonitor(Origin origin, String dimm, List<String> events, String state, Long uncleanShutdowns,
                           Integer spares, List<String> alarms, Integer pid) implements Event {

    public NdctlMonitor {
        events = events == null ? null : List.copyOf(events);
        alarms = alarms == null ? null : List.copyOf(alarms);
    }
}
