package dev.daxray.fleet;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Epoch milliseconds of an event's {@code wall} text (ISO-8601; times without a zone are taken as
 * UTC). Syslog's year-less {@code --MM-DDThh:mm:ss} gets the year of the capture file's time,
 * or the year before when that would put it more than a day after the file was written.
 */
final class WallTime {

    private static final long DAY = 86_400_000L;

    private WallTime() {
    }

    static Long parse(String wall, Long fileMillis) {
        if (wall == null || wall.isBlank()) {
            return null;
        }
        try {
            if (wall.startsWith("--")) {
                if (fileMillis == null) {
                    return null;
                }
                int year = Instant.ofEpochMilli(fileMillis).atZone(ZoneOffset.UTC).getYear();
                long t = local(year + wall.substring(1));
                return t > fileMillis + DAY ? local((year - 1) + wall.substring(1)) : t;
            }
            if (wall.endsWith("Z") || wall.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(wall.matches(".*[+-]\\d\\d\\d\\d$")
                        ? wall.substring(0, wall.length() - 2) + ":" + wall.substring(wall.length() - 2) : wall)
                        .toInstant().toEpochMilli();
            }
            return local(wall);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static long local(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
