package dev.daxray.events;

/**
 * A forced filesystem shutdown, in any of XFS's three eras of wording.
 *
 * @param reason   e.g. {@code Metadata I/O Error}, {@code Corruption of in-memory data}
 * @param flags    the shutdown flags when printed, e.g. {@code 0x4}
 * @param function the function the shutdown was called from, offsets stripped
 */
@EventType(value = "fs-shutdown", description = "filesystem forced shutdown")
public record FsShutdown(Origin origin, String fs, String device, String reason, Hex flags, String function,
                         String message) implements Event {
}
