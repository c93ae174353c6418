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

    private static final String DELIMITERS = " :()=,{}";
    private static final char HEX_RUN = '\u0001';
    private static final char DECIMAL_RUN = '\u0002';

    private Shape() {
    }

    /** The shape of {@code text}. */
    public static String of(String text) {
        int n = text.length();
        StringBuilder shape = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean boundary = i == 0 || delimiter(text.charAt(i - 1));
            if (boundary && c >= '0' && c <= '9') {
                int end = c == '0' && i + 2 < n && text.charAt(i + 1) == 'x' && hex(text.charAt(i + 2))
                        ? run(text, i + 2, true) : -1;
                if (end >= 0 && (end == n || delimiter(text.charAt(end)))) {
                    shape.append("0x").append(HEX_RUN);
                    i = end;
                    continue;
                }
                end = run(text, i, false);
                if (end == n || delimiter(text.charAt(end))) {
                    shape.append(DECIMAL_RUN);
                    i = end;
                    continue;
                }
            }
            shape.append(c);
            i++;
        }
        return shape.toString();
    }

    private static int run(String text, int from, boolean hex) {
        int i = from;
        while (i < text.length() && (hex ? hex(text.charAt(i)) : text.charAt(i) >= '0' && text.charAt(i) <= '9')) {
            i++;
        }
        return i;
    }

    private static boolean delimiter(char c) {
        return DELIMITERS.indexOf(c) >= 0;
    }

    static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
