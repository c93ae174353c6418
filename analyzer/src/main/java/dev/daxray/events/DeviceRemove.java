package dev.daxray.events;

/**
 * A device going away under its users: XFS's {@code Device is about to be removed!}
 * (MF_MEM_PRE_REMOVE, 6.6+) or a pmem / dax / CXL removal message.
 */
@EventType(value = "device-remove", description = "pmem/dax device about to be removed (MF_MEM_PRE_REMOVE)")
public record DeviceRemove(Origin origin, String device, String fs, String message) implements Event {
}
