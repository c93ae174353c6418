package dev.daxray.families.crash;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a report title stable across hosts, builds and runs, the way syzkaller's titles are: what
 * varies between two occurrences of one bug (addresses, offsets, numbers, CPU numbers, source line
 * numbers, the fuzzer's process numbers) becomes a placeholder; the result is at most 120 bytes of
 * printable ASCII with single spaces.
 */
final class TitleNormaliser {

    static final int MAX_BYTES = 120;

    /** Each step is applied until the title stops changing, in this order. */
    private record Step(Pattern pattern, String replacement) {
        String apply(String s) {
            String before;
            String after = s;
            do {
                before = after;
                after = pattern.matcher(before).replaceAll(replacement);
            } while (!after.equals(before));
            return after;
        }
    }

    private static final Step[] STEPS = {
        // the fuzzer's own process names carry instance numbers
        new Step(Pattern.compile("syz-executor\\.?\\d+(?:[/:]\\d+)?"), "syz-executor"),
        new Step(Pattern.compile("syzkaller\\d+(?:[/:]\\d+)?"), "syzkaller"),
        // addresses and other long hex or decimal numbers
        new Step(Pattern.compile("([^a-zA-Z0-9])(?:0x)?[0-9a-f]{6,}"), "$1ADDR"),
        new Step(Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"), "IP"),
        // source line (and column) numbers
        new Step(Pattern.compile("(\\.\\w+)(?::\\d+)+"), "$1:LINE"),
        // symbol offsets
        new Step(Pattern.compile("([a-zA-Z][a-zA-Z0-9_.]+)\\+0x[0-9a-z]+/0x[0-9a-z]+"), "$1"),
        new Step(Pattern.compile("CPU#\\d+"), "CPU"),
        // any other number standing on its own
        new Step(Pattern.compile("(\\W)(\\d+)(\\W|$)"), "$1NUM$3"),
        new Step(Pattern.compile("\\d{7,}"), "NUM"),
    };

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private TitleNormaliser() {
    }

    static String normalise(String title) {
        String s = title;
        for (Step step : STEPS) {
            s = step.apply(s);
        }
        return sanitise(s);
    }

    /** At most {@value #MAX_BYTES} bytes, tabs as spaces, no control or non-ASCII bytes, single spaces, trimmed. */
    static String sanitise(String title) {
        byte[] bytes = title.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(Math.min(bytes.length, MAX_BYTES));
        for (int i = 0; i < Math.min(bytes.length, MAX_BYTES); i++) {
            int b = bytes[i] & 0xff;
            if (b == '\t') {
                out.append(' ');
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            }
        }
        Matcher m = SPACES.matcher(out);
        return m.replaceAll(" ").trim();
    }
}
