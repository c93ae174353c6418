package dev.daxray.devices;

/** Something in a device-state document that could not be read, at a 1-based line. */
public record Problem(String file, long line, String message) {

    /** {@code file:line: message}, the way every daxray error reads. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
