package dev.daxray.journal;

import java.nio.charset.StandardCharsets;

/**
 * The journal fields daxray uses, gathered while an entry is read in any format, then made into a
 * {@link JournalEntry}. A field given twice keeps its first value (journald repeats only fields such
 * as {@code _UDEV_DEVLINK}).
 */
final class EntryFields {

    private String message;
    private boolean hasMessage;
    private String host;
    private String bootId;
    private Long realtime;
    private Long monotonic;
    private Long sourceBoottime;
    private Long sourceMonotonic;
    private String transport;
    private String identifier;
    private int priority = -1;
    private String unreadable;

    /** Whether {@code name} is one of the fields kept (the rest are skipped unread). */
    static boolean wanted(String name) {
        return switch (name) {
            case "MESSAGE", "_HOSTNAME", "_BOOT_ID", "__REALTIME_TIMESTAMP", "__MONOTONIC_TIMESTAMP",
                 "_SOURCE_BOOTTIME_TIMESTAMP", "_SOURCE_MONOTONIC_TIMESTAMP", "_TRANSPORT", "SYSLOG_IDENTIFIER",
                 "PRIORITY" -> true;
            default -> false;
        };
    }

    /** Sets field {@code name} from its bytes (UTF-8, malformed bytes replaced). */
    void set(String name, byte[] value) {
        set(name, new String(value, StandardCharsets.UTF_8));
    }

    /** Sets field {@code name}; a value that is not what the field holds (a non-number time) is left out. */
    void set(String name, String value) {
        if (value == null) {
            return;
        }
        switch (name) {
            case "MESSAGE" -> {
                if (!hasMessage) {
                    message = value;
                    hasMessage = true;
                }
            }
            case "_HOSTNAME" -> host = host == null ? value : host;
            case "_BOOT_ID" -> bootId = bootId == null ? value : bootId;
            case "__REALTIME_TIMESTAMP" -> realtime = realtime == null ? micros(value) : realtime;
            case "__MONOTONIC_TIMESTAMP" -> monotonic = monotonic == null ? micros(value) : monotonic;
            case "_SOURCE_BOOTTIME_TIMESTAMP" -> sourceBoottime = sourceBoottime == null ? micros(value) : sourceBoottime;
            case "_SOURCE_MONOTONIC_TIMESTAMP" -> sourceMonotonic = sourceMonotonic == null ? micros(value) : sourceMonotonic;
            case "_TRANSPORT" -> transport = transport == null ? value : transport;
            case "SYSLOG_IDENTIFIER" -> identifier = identifier == null ? value : identifier;
            case "PRIORITY" -> {
                if (priority < 0 && value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '7') {
                    priority = value.charAt(0) - '0';
                }
            }
            default -> {
                // not a field daxray reads
            }
        }
    }

    /** A realtime or monotonic stamp set directly (the verbose header's cursor, dmesg's seconds). */
    void times(Long realtime, Long monotonic) {
        this.realtime = this.realtime == null ? realtime : this.realtime;
        this.monotonic = this.monotonic == null ? monotonic : this.monotonic;
    }

    /** A kernel record's own time (dmesg's seconds since boot). */
    void kernelTime(Long micros) {
        sourceMonotonic = micros;
    }

    /** The message is there but cannot be read (verbose output's {@code [40B blob data]}). */
    void unreadable(String why) {
        unreadable = why;
    }

    boolean hasMessage() {
        return hasMessage;
    }

    JournalEntry entry(long firstLine, long lastLine, long messageLine) {
        return new JournalEntry(firstLine, lastLine, messageLine, message, host, bootId, realtime, monotonic,
                sourceBoottime != null ? sourceBoottime : sourceMonotonic, transport, identifier, priority,
                unreadable);
    }

    /** Decimal microseconds as journald writes them (also in JSON, as a string); null when not one. */
    static Long micros(String value) {
        int n = value.length();
        if (n == 0 || n > 18) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
