package dev.daxray.serve;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write times and counts. */
final class Format {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** {@code 2026-11-22 03:36:08Z}, or {@code -} for null. */
    static String time(Long epochMillis) {
        return epochMillis == null ? "-" : SECONDS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** ISO-8601 as {@code --since} takes it: {@code 2026-11-22T03:36:08Z}. */
    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** {@code 1 incident}, {@code 2 incidents}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
