package dev.daxray.events;

/**
 * An EDAC corrected (CE) or uncorrected (UE) memory error line.
 *
 * @param count    the error count the line reports, null for the {@code edac_mc_panic_on_ue} panic
 * @param message  the driver's error text, e.g. {@code memory read error}, null when empty
 * @param label    the DIMM label(s), or {@code unknown memory} / {@code any memory}
 * @param physAddr the driver's {@code SystemAddress} when printed, else page * 4 KiB + offset; null when
 *                 page and offset are both 0 (the driver could not translate the address)
 * @param location the location before {@code page:}, e.g. {@code channel:2 slot:0}, null when empty
 */
@EventType(value = "edac", description = "EDAC memory controller CE/UE report")
public record Edac(Origin origin, Integer mc, String severity, Integer count, String message, String label,
                   Hex pfn, Hex offset, Integer grain, Hex physAddr, String detail, String location)
        implements Event {
}
