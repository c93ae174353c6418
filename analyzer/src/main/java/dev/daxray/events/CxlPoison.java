package dev.daxray.events;

/**
 * A {@code cxl:cxl_poison} record: one entry of a CXL memory device's poison list (read, injected or
 * cleared).
 *
 * @param hpa       host physical address; null when the DPA is not mapped by a region (printed as
 *                  all ones) and on kernels that did not print it; the field {@code pfn} is its 4 KiB page
 * @param dpa       device physical address
 * @param length    {@code dpa_length}, bytes
 * @param source    {@code Unknown}, {@code External}, {@code Internal}, {@code Injected}, {@code Vendor}
 * @param flags     {@code |}-joined {@code More}, {@code Overflow}, {@code Scanning}; null when empty
 * @param traceType why the list was read: {@code List}, {@code Inject}, {@code Clear}
 */
@EventType(value = "cxl-poison", description = "CXL memory device poison list entry (cxl:cxl_poison)")
public record CxlPoison(Origin origin, String memdev, String host, String region, @PageAddress Hex hpa, Hex dpa, Hex length,
                        String source, String flags, String traceType) implements Event {
}
