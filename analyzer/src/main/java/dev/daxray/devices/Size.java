package dev.daxray.devices;

/**
 * A byte count ndctl printed: exact when it was a JSON integer or {@code 0x…} string, a range when
 * it was a {@code -u} human string such as {@code "15.75 GiB (16.91 GB)"} (two decimals in both
 * units, so the true value lies in the intersection of both rounding intervals).
 *
 * @param bytes the value, or for a human string the middle of the possible range
 * @param min   the smallest value the text allows
 * @param max   the largest value the text allows
 */
public record Size(long bytes, long min, long max) {

    public Size {
        if (min > bytes || bytes > max) {
            throw new IllegalArgumentException("size " + bytes + " outside [" + min + ", " + max + "]");
        }
    }

    public static Size exact(long bytes) {
        return new Size(bytes, bytes, bytes);
    }

    public boolean isExact() {
        return min == max;
    }

    @Override
    public String toString() {
        return isExact() ? Long.toString(bytes) : "~" + bytes + " [" + min + ".." + max + "]";
    }
}
