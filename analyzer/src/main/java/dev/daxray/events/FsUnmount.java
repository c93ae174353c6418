package dev.daxray.events;

/** {@code Unmounting Filesystem}. */
@EventType(value = "fs-unmount", description = "filesystem unmount")
public record FsUnmount(Origin origin, String fs, String device, String uuid) implements Event {
}
