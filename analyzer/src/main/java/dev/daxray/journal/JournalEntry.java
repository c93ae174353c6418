package dev.daxray.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One entry of a structured log export (a systemd journal entry in any {@code journalctl -o} mode,
 * a {@code dmesg --json} record): the fields daxray uses, and the lines it took.
 *
 * @param firstLine        first line of the entry in the input
 * @param lastLine         last line of the entry (equal to {@code firstLine} for one-line JSON)
 * @param messageLine      the line that holds the message (its evidence line)
 * @param message          {@code MESSAGE} decoded as UTF-8, or null when the entry has none
 * @param host             {@code _HOSTNAME}, or null
 * @param bootId           {@code _BOOT_ID} (32 hex digits), or null
 * @param realtime         {@code __REALTIME_TIMESTAMP}: µs since the epoch when journald received it, or null
 * @param monotonic        {@code __MONOTONIC_TIMESTAMP}: µs since boot when journald received it, or null
 * @param sourceMonotonic  for kernel records the {@code /dev/kmsg} time (dmesg's {@code [sec.usec]}) from
 *                         {@code _SOURCE_BOOTTIME_TIMESTAMP} or {@code _SOURCE_MONOTONIC_TIMESTAMP}, or null
 * @param transport        {@code _TRANSPORT} ({@code kernel}, {@code syslog}, {@code stdout}, ...), or null
 * @param identifier       {@code SYSLOG_IDENTIFIER} ({@code kernel}, {@code rasdaemon}, {@code mcelog}), or null
 * @param priority         {@code PRIORITY} 0-7, or -1
 * @param unreadable       why the entry's message cannot be read (verbose output shows it as a blob), or null
 */
public record JournalEntry(long firstLine, long lastLine, long messageLine, String message, String host,
                           String bootId, Long realtime, Long monotonic, Long sourceMonotonic, String transport,
                           String identifier, int priority,
                           String unreadable) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Written by the kernel: the kernel transport, or relayed through syslog under the identifier {@code kernel}. */
    public boolean fromKernel() {
        return "kernel".equals(transport) || "kernel".equals(identifier);
    }

    /** The syslog tag the entry's lines carry: {@code kernel} for kernel records, else the identifier. */
    public String tag() {
        return fromKernel() ? "kernel" : identifier;
    }

    /**
     * The entry's time on the kernel's clock: for kernel records the kmsg time (exactly dmesg's), else
     * when journald received it (the same monotonic clock, so both interleave).
     */
    public Long micros() {
        return fromKernel() && sourceMonotonic != null ? sourceMonotonic : monotonic;
    }

    /**
     * Wall-clock time of {@link #micros()} as ISO-8601 UTC: the reception time moved back by the
     * delay between the kernel's stamp and journald's reception (seconds for boot-time messages,
     * which journald reads in a burst), so wall − monotonic is the same for every entry of a boot.
     */
    public String wall() {
        if (realtime == null) {
            return null;
        }
        long at = realtime;
        Long micros = micros();
        if (micros != null && monotonic != null && !micros.equals(monotonic)) {
            at -= monotonic - micros;
        }
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(at, 1_000_000L), Math.floorMod(at, 1_000_000L) * 1000L);
        return ISO.format(instant);
    }
}
