package dev.daxray.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wall-clock times as users write them in queries and in {@code --since}/{@code --until}:
 * {@code 2026-03-01}, {@code 2026-03-01T12:00}, {@code 2026-03-01T12:00:00Z} (times without a zone
 * are UTC), {@code now}, {@code now-7d}, or just {@code 7d} / {@code 12h} / {@code 30m} (that long ago).
 */
public final class TimeSpec {

    /** The forms, for error messages. */
    public static final String FORMS = "2026-03-01, 2026-03-01T12:00, 2026-03-01T12:00:00Z, now, now-7d, 7d, 12h, 30m";

    private static final Pattern RELATIVE = Pattern.compile("(?:now-)?(\\d{1,6})([dhms])");

    private TimeSpec() {
    }

    /** Epoch milliseconds of {@code text}, relative forms counted back from {@code now}. */
    public static long parse(String text, Instant now) {
        String t = text.strip();
        if (t.equals("now")) {
            return now.toEpochMilli();
        }
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long unit = switch (m.group(2)) {
                case "d" -> 86_400_000L;
                case "h" -> 3_600_000L;
                case "m" -> 60_000L;
                default -> 1_000L;
            };
            return now.toEpochMilli() - n * unit;
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time [" + text + "]; expected one of: " + FORMS, e);
        }
    }
}
