package dev.daxray.events;

/**
 * An EDAC corrected (CE) or uncorrected (UE) memory error line.
 *
 * @param physAddr the driver's {@code SystemAddress} when printed, else page * 4 KiB + offset
 */
@EventType(value = "edac", description = "EDAC memory controller CE/UE report")
public record Edac(Origin origin, Integer mc, String severity, Integer count, String message, String label,
                   Hex pfn, Hex offset, Integer grain, Hex physAddr, String detail) implements Event {
}
