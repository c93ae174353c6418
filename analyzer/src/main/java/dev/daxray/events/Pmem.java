package dev.daxray.events;

/**
 * A line from the NVDIMM / pmem / device-dax / CXL drivers.
 *
 * @param start a physical address the line names (e.g. nfit {@code addr in SPA}), else null
 * @param size  the size of that range, else null
 */
@EventType(value = "pmem", description = "nvdimm / pmem / dax / CXL driver message")
public record Pmem(Origin origin, String driver, String device, String message, Hex start, Hex size)
        implements Event {
}
