package dev.daxray.families.crash;

import java.util.regex.Pattern;

/**
 * The longest run of plain characters every match of a regular expression must contain, so a text without it
 * can be passed over with {@link String#contains} instead of a search. Conservative: only the top level of the
 * expression is read (a group's contents are skipped), a character with a quantifier after it is left out, and
 * anything it does not know for sure — flags, inline flags, look-arounds, a top-level alternation, quoting,
 * nested or unusual character classes — gives the empty string, which every text contains.
 */
final class RequiredLiteral {

    private static final String QUANTIFIERS = "?*+{";
    /** Escapes that read characters after them (hex, unicode, octal, control, named), or quote, or are unusual. */
    private static final String UNSURE_ESCAPES = "xu0ckNQEGRX";

    private RequiredLiteral() {
    }

    static String of(Pattern pattern) {
        String regex = pattern.pattern();
        if (pattern.flags() != 0 || regex.replace("(?:", "").contains("(?")) {
            return "";
        }
        String longest = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char literal = 0;
            if (c == '\\') {
                if (i + 1 >= regex.length() || UNSURE_ESCAPES.indexOf(regex.charAt(i + 1)) >= 0
                        || Character.isDigit(regex.charAt(i + 1))) {
                    return "";
                }
                char next = regex.charAt(++i);
                if (next == 'p' || next == 'P') {
                    i = i + 1 < regex.length() && regex.charAt(i + 1) == '{' ? regex.indexOf('}', i) : i + 1;
                } else if (!Character.isLetter(next)) {
                    literal = next;
                }
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '{') {
                i = regex.indexOf('}', i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return "";
            } else if (".^$|?*+}".indexOf(c) < 0) {
                literal = c;
            }
            if (i < 0 || i >= regex.length()) {
                return "";
            }
            boolean quantified = i + 1 < regex.length() && QUANTIFIERS.indexOf(regex.charAt(i + 1)) >= 0;
            if (literal != 0 && depth == 0 && !quantified) {
                run.append(literal);
            } else {
                longest = longer(longest, run);
                run.setLength(0);
            }
        }
        return depth == 0 ? longer(longest, run) : "";
    }

    /** The index of the {@code ]} that closes the simple class opened at {@code open}, or -1 when unsure. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            return -1;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' || c == '&') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    private static String longer(String longest, StringBuilder run) {
        return run.length() > longest.length() ? run.toString() : longest;
    }
}
