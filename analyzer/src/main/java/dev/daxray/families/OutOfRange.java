package dev.daxray.families;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A line can match a grammar and still hold a number no Java type can take (a 20-digit hex
 * address, a pid past 2^31). Such a line is not the message it looks like: builders' number
 * conversions fail, and the line is rejected instead of stopping the read.
 */
public final class OutOfRange {

    private OutOfRange() {
    }

    /** The built value, or empty when a number in the line was out of range. */
    public static <T> Optional<T> orEmpty(Supplier<T> build) {
        try {
            return Optional.of(build.get());
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            return Optional.empty();
        }
    }
}
