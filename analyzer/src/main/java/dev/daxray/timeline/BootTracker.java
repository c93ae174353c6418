package dev.daxray.timeline;

import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeKind;

/**
 * Numbers the boots of one input. A new boot starts at a {@code Linux version} banner or a
 * journalctl {@code -- Boot} separator after the current boot has shown lines, or when the
 * monotonic clock runs backwards by more than a second (CPUs' lines interleave by less).
 */
final class BootTracker {

    private static final long BACKWARDS_TOLERANCE_MICROS = 1_000_000;
    private static final String BANNER = "Linux version ";

    private int boot;
    private String kernel;
    private Long lastMicros;
    private boolean seenLines;

    /** Looks at one parsed line; returns true when it starts a new boot. */
    boolean observe(Envelope envelope, String line, String body) {
        boolean newBoot = false;
        if (envelope.kind() == EnvelopeKind.JOURNAL_MARKER) {
            if (line.startsWith("-- Boot") || line.startsWith("-- Reboot")) {
                newBoot = seenLines;
            }
        } else if (body.startsWith(BANNER)) {
            newBoot = seenLines;
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
        if (envelope.kind() != EnvelopeKind.JOURNAL_MARKER) {
            seenLines = true;
        }
        if (envelope.micros() != null) {
            lastMicros = envelope.micros();
        }
        return newBoot;
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

    private static String release(String body) {
        int start = BANNER.length();
        int end = body.indexOf(' ', start);
        return end < 0 ? body.substring(start) : body.substring(start, end);
    }
}
