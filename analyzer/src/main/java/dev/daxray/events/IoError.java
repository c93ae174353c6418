package dev.daxray.events;

/** A block-layer or storage-driver I/O error (a failing disk, not persistent memory). */
@EventType(value = "io-error", description = "block device I/O error")
public record IoError(Origin origin, String device, String message) implements Event {
}
