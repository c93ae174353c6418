package dev.daxray.families.fast;

import dev.daxray.events.Hex;

/** Small scanning helpers for fast readers: runs of digits, space trimming, hex values. */
public final class Text {

    private Text() {
    }

    /** True when {@code text} has no TAB, CR or LF: the grammars skip an author's TAB annotation and white space runs. */
    public static boolean plain(String text) {
        return text.indexOf('\t') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0;
    }

    /** The end of the hex digits from {@code from}, or -1 when there are none or more than 16 (not a 64-bit value). */
    public static int hexEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Shape.hex(text.charAt(i))) {
            i++;
        }
        return i == from || i - from > 16 ? -1 : i;
    }

    /** The end of the decimal digits from {@code from}, or -1 when there are none or more than 9 (beyond an int). */
    public static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i == from || i - from > 9 ? -1 : i;
    }

    /** The hex value of {@code text[from, to)}, digits only. */
    public static Hex hex(String text, int from, int to) {
        return new Hex(Long.parseUnsignedLong(text, from, to, 16));
    }

    /** The int value of {@code text[from, to)}, digits only (at most 9 of them). */
    public static int decimal(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    /** {@code text[from, to)} without the spaces around it, or null when nothing is left. */
    public static String trimmed(String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return start == end ? null : text.substring(start, end);
    }
}
