package dev.daxray.address;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.Hex;

/**
 * Reads {@code /proc/iomem} text, also inside a shell transcript ({@code # cat /proc/iomem | grep …}):
 * every {@code start-end : name} line, nesting from indentation (spaces, or the no-break spaces a
 * mail client leaves). All-zero ranges (read without root) are skipped.
 */
public final class Iomem {

    private static final Pattern LINE = Pattern.compile("^([\\s\\u00a0]*)([0-9a-fA-F]+)-([0-9a-fA-F]+) : (.+?)\\s*$");

    private Iomem() {
    }

    public static List<IomemEntry> parse(String file, String text, long firstLine) {
        List<IomemEntry> entries = new ArrayList<>();
        Deque<IomemEntry> open = new ArrayDeque<>();
        Deque<Integer> indents = new ArrayDeque<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches() || m.group(2).length() > 16 || m.group(3).length() > 16) {
                continue;
            }
            Hex start = Hex.parse(m.group(2));
            Hex end = Hex.parse(m.group(3));
            if ((start.value() == 0 && end.value() == 0) || end.compareTo(start) < 0) {
                continue;
            }
            int indent = m.group(1).length();
            while (!indents.isEmpty() && indents.peek() >= indent) {
                indents.pop();
                open.pop();
            }
            long line = firstLine + i;
            IomemEntry entry = new IomemEntry(new Range(start, end, m.group(4), file + ":" + line), open.size(),
                    open.isEmpty() ? null : open.peek().name(), file, line);
            entries.add(entry);
            open.push(entry);
            indents.push(indent);
        }
        return entries;
    }
}
