package dev.daxray.events;

/**
 * A firmware-first APEI/GHES (or arm64 AEST) hardware error record: the {@code {N}[Hardware Error]:}
 * lines of one record joined into one event. Its {@code pfn} field is the 4 KiB page of {@code physAddr}
 * ({@link PageAddress}).
 */
@EventType(value = "ghes", description = "firmware-first hardware error record (APEI GHES / CPER, AEST)")
public record Ghes(Origin origin, Integer record, String source, String severity, String sectionType,
                   String errorStatus, Integer errorType, String errorTypeText, @PageAddress Hex physAddr,
                   Hex physAddrMask, String location, String fru) implements Event {
}
