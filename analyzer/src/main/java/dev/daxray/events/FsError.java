package dev.daxray.events;

/** Other filesystem errors: metadata corruption, log I/O errors, {@code EXT4-fs error}. */
@EventType(value = "fs-error", description = "filesystem error (corruption, log I/O error)")
public record FsError(Origin origin, String fs, String device, String message) implements Event {
}
