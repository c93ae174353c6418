package dev.daxray.devices;

import java.util.List;

/**
 * One {@code ndctl monitor} event document.
 *
 * @param timestamp CLOCK_REALTIME {@code seconds.nanoseconds} as printed
 * @param wall      the timestamp as ISO-8601 UTC, null when unparsable
 * @param events    the monitored event types that fired (true), e.g. {@code dimm-health-state}
 * @param dimm      the DIMM with its health
 * @param text      the document on one line
 */
public record MonitorEvent(String file, long line, long endLine, String timestamp, String wall, Integer pid,
                           List<String> events, Dimm dimm, String text) {

    public MonitorEvent {
        events = List.copyOf(events);
    }
}
