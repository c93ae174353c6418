package dev.daxray.output;

/**
 * Log-derived text made safe to show. Logs are attacker-controlled: a process name, a file name or
 * a crash title can carry an escape sequence ({@code \e[2J} clears the screen), a newline (which
 * forges a line of evidence), or a bidirectional override (which makes the text read differently
 * from what it holds). Every text renderer passes such strings through {@link #terminal}; the HTML
 * report through {@link #html}. JSON needs neither: Jackson escapes it.
 */
public final class Untrusted {

    private Untrusted() {
    }

    /**
     * {@code text} with every character a terminal would act on shown as an escape instead:
     * C0 controls and DEL ({@code \n}, {@code \r}, {@code \t}, else {@code \x1b}-style), C1 controls
     * U+0080–U+009F, the bidirectional embeddings, overrides and isolates U+202A–U+202E and
     * U+2066–U+2069, and the line and paragraph separators U+2028/U+2029 (as {@code \u202e}).
     * Everything else, other Unicode included, is kept; so are backslashes: the text is for reading,
     * not for decoding back (JSON output is for that). Null stays null.
     */
    public static String terminal(String text) {
        if (text == null || isSafe(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** {@link #terminal} text, then with {@code & < > " '} written as HTML character references. */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        String safe = terminal(text);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** C0, DEL, C1, bidi controls and the Unicode line separators. */
    static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029;
    }
}
