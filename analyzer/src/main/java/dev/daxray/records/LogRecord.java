package dev.daxray.records;

import dev.daxray.events.Origin;

/**
 * One line of a capture after its envelope was read: where it is, when it was printed, and the
 * kernel message that follows the prefix.
 *
 * @param origin   file, line, time, boot, host and kernel of the line
 * @param envelope the prefix that was recognised
 * @param body     the kernel message with the prefix removed
 */
public record LogRecord(Origin origin, Envelope envelope, String body) {

    /** A record for tests and tools that have a bare message and no capture around it. */
    public static LogRecord of(String file, long line, String body) {
        Origin origin = new Origin(file, 0, line, line, body, null, 0, null, 0, null, null);
        return new LogRecord(origin, Envelope.bare(), body);
    }

    /** A record for tests with a monotonic timestamp in seconds. */
    public static LogRecord at(double seconds, long line, String body) {
        long micros = Math.round(seconds * 1_000_000);
        Origin origin = new Origin("test", 0, line, line, body, micros, micros, null, 0, null, null);
        return new LogRecord(origin, Envelope.bare(), body);
    }
}
