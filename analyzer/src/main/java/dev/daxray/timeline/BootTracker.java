package dev.daxray.timeline;

import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeKind;

/**
 * Numbers the boots of one input. A new boot starts at a {@code Linux version} banner or a
 * journalctl {@code -- Boot} separator after the current boot has shown log lines, or when the
 * monotonic clock runs backwards by more than a second (CPUs' lines interleave by less). Lines the
 * kernel prints at time zero before its banner (arm64's {@code Booting Linux on physical CPU …}) are
 * that boot's own: a banner stamped zero after lines stamped zero continues the boot. Journal
 * exports name each entry's boot ({@code _BOOT_ID}): once an input has, boots go by id alone.
 */
final class BootTracker {

    private static final long BACKWARDS_TOLERANCE_MICROS = 1_000_000;
    private static final String BANNER = "Linux version ";

    private int boot;
    private String kernel;
    private Long lastMicros;
    private boolean seenLines;
    private String bootId;

    /** Looks at one parsed line; returns true when it starts a new boot. */
    boolean observe(Envelope envelope, String line, String body) {
        boolean newBoot = false;
        if (bootId != null) {
            newBoot = false; // boots are told by id
        } else if (envelope.kind() == EnvelopeKind.JOURNAL_MARKER) {
            if (line.startsWith("-- Boot") || line.startsWith("-- Reboot")) {
                newBoot = seenLines;
            }
        } else if (body.startsWith(BANNER)) {
            newBoot = seenLines && !(atTimeZero(envelope.micros()) && atTimeZero(lastMicros));
        } else if (envelope.micros() != null && lastMicros != null
                && envelope.micros() + BACKWARDS_TOLERANCE_MICROS < lastMicros) {
            newBoot = true;
        }
        if (newBoot) {
            boot++;
            kernel = null;
            lastMicros = null;
            seenLines = false;
        }
        if (body.startsWith(BANNER)) {
            kernel = release(body);
        }
        if (envelope.micros() != null) {
            lastMicros = envelope.micros();
        }
        return newBoot;
    }

    /**
     * Looks at the time of a line that is not otherwise parsed; returns true when the clock ran
     * backwards far enough to mean a reboot.
     */
    boolean observeTime(long micros) {
        boolean newBoot = bootId == null && lastMicros != null && micros + BACKWARDS_TOLERANCE_MICROS < lastMicros;
        if (newBoot) {
            boot++;
            kernel = null;
        }
        lastMicros = micros;
        seenLines = true;
        return newBoot;
    }

    /** A journal entry's {@code _BOOT_ID}; returns true when it differs from the last one's (a new boot). */
    boolean observeBootId(String id) {
        boolean newBoot = bootId != null && !bootId.equals(id);
        bootId = id;
        if (newBoot) {
            boot++;
            kernel = null;
            lastMicros = null;
        }
        seenLines = true;
        return newBoot;
    }

    /**
     * The line just observed belongs to the boot: it had a log prefix or a family read it. Shell
     * prompts and annotations before a banner do not make the banner a second boot.
     */
    void lineBelongs() {
        seenLines = true;
    }

    int boot() {
        return boot;
    }

    int boots() {
        return boot + 1;
    }

    String kernel() {
        return kernel;
    }

    private static boolean atTimeZero(Long micros) {
        return micros != null && micros == 0;
    }

    private static String release(String body) {
        int start = BANNER.length();
        int end = body.indexOf(' ', start);
        return end < 0 ? body.substring(start) : body.substring(start, end);
    }
}
