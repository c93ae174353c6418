package dev.daxray.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How bad an incident is, most severe first: {@code critical} (data lost or at risk: filesystem
 * shutdown, a Failed verdict, a kernel crash), {@code high} (a process killed), {@code medium} (a
 * recovered uncorrected error), {@code low}, {@code info} (corrected errors only).
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.label().equals(text.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Severity::label).toList();
    }
}
