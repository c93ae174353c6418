package dev.daxray.families.fast;

/**
 * A message with its numbers blanked out: lines of one shape lex to the same token types whatever
 * their numbers, so the grammar parses them alike and gives events that differ only in those numbers.
 *
 * <p>A number is blanked when it stands between delimiters ({@code " :()=,{}"}, or the ends of the
 * line): {@code 0x} and hex digits, or decimal digits. In the grammars with fast readers (Edac,
 * MemoryFailure, Ghes) such a run is one token, or lies wholly inside one ({@code {12}}, a word
 * running on past {@code =}), of the same type whatever its digits: no literal there has digits, and
 * hex, number and word tokens do not end inside the run. So its value cannot change how the line
 * lexes. Digits inside a word ({@code MC0:}, {@code DIMM#0}) stay.
 */
public final class Shape {

    private static final char HEX_RUN = '\u0001';
    private static final char DECIMAL_RUN = '\u0002';
    private static final boolean[] DELIMITER = new boolean[128];
    private static final boolean[] HEX = new boolean[128];

    static {
        for (char c : " :()=,{}".toCharArray()) {
            DELIMITER[c] = true;
        }
        for (char c : "0123456789abcdefABCDEF".toCharArray()) {
            HEX[c] = true;
        }
    }

    private char[] chars;
    private int length;
    private int hash;

    private Shape(int capacity) {
        this.chars = new char[capacity];
    }

    /** A shape to {@link #scan} lines into, reused line after line so that reading a line allocates nothing. */
    static Shape buffer() {
        return new Shape(256);
    }

    /** The shape of {@code text}, as text (for tests and messages). */
    public static String of(String text) {
        Shape shape = new Shape(text.length());
        shape.scan(text);
        return new String(shape.chars, 0, shape.length);
    }

    /** Makes this the shape of {@code text}. */
    void scan(String text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        length = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && (i == 0 || delimiter(text.charAt(i - 1)))) {
                int end = c == '0' && i + 2 < n && text.charAt(i + 1) == 'x' && hex(text.charAt(i + 2))
                        ? run(text, i + 2, true) : -1;
                if (end >= 0 && (end == n || delimiter(text.charAt(end)))) {
                    chars[length++] = '0';
                    chars[length++] = 'x';
                    chars[length++] = HEX_RUN;
                    i = end;
                    continue;
                }
                end = run(text, i, false);
                if (end == n || delimiter(text.charAt(end))) {
                    chars[length++] = DECIMAL_RUN;
                    i = end;
                    continue;
                }
            }
            chars[length++] = c;
            i++;
        }
        int h = 1;
        for (int k = 0; k < length; k++) {
            h = 31 * h + chars[k];
        }
        hash = h;
    }

    /** A copy that stays as it is, to keep as a map key. */
    Shape copy() {
        Shape copy = new Shape(length);
        System.arraycopy(chars, 0, copy.chars, 0, length);
        copy.length = length;
        copy.hash = hash;
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape shape && shape.hash == hash
                && java.util.Arrays.equals(chars, 0, length, shape.chars, 0, shape.length);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    private static int run(String text, int from, boolean hex) {
        int i = from;
        while (i < text.length() && (hex ? hex(text.charAt(i)) : text.charAt(i) >= '0' && text.charAt(i) <= '9')) {
            i++;
        }
        return i;
    }

    private static boolean delimiter(char c) {
        return c < 128 && DELIMITER[c];
    }

    static boolean hex(char c) {
        return c < 128 && HEX[c];
    }
}
