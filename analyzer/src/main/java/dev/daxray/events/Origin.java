package dev.daxray.events;

import java.util.List;
import java.util.Objects;

/**
 * Where an event came from and when it happened, as far as the capture says.
 *
 * @param file     the input's display name (a path, {@code -} for stdin)
 * @param input    the input's position in the run, a tie-breaker for ordering
 * @param line     1-based line of the first line of the event
 * @param endLine  1-based line of its last line (equal to {@code line} for one-line events)
 * @param text     the raw text of the first line
 * @param micros   monotonic time since boot in microseconds, or null when the capture has none
 * @param sortMicros the time used for ordering: {@code micros}, or the last time seen before it in
 *                 the same input, so untimed lines keep their place among timed ones
 * @param wall     wall-clock time as ISO-8601 text, or null
 * @param boot     0-based boot index within the input
 * @param host     host name when the capture names it, else null
 * @param kernel   kernel release from the boot banner, else null
 * @param also     other lines that reported the same event (a trace line repeating a dmesg line),
 *                 merged into this one by the timeline; empty for most events
 */
public record Origin(String file, int input, long line, long endLine, String text, Long micros,
                     long sortMicros, String wall, int boot, String host, String kernel, List<Source> also)
        implements Comparable<Origin> {

    public Origin {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        if (line < 1 || endLine < line) {
            throw new IllegalArgumentException("bad line range " + line + "-" + endLine);
        }
        also = List.copyOf(also);
    }

    /** An origin reported in one place only. */
    public Origin(String file, int input, long line, long endLine, String text, Long micros,
                  long sortMicros, String wall, int boot, String host, String kernel) {
        this(file, input, line, endLine, text, micros, sortMicros, wall, boot, host, kernel, List.of());
    }

    /** The same origin stretched to end at {@code lastLine} (multi-line events). */
    public Origin through(long lastLine) {
        return new Origin(file, input, line, Math.max(endLine, lastLine), text, micros, sortMicros, wall, boot,
                host, kernel, also);
    }

    /** The same origin with {@code more} sources of the same event added. */
    public Origin alsoAt(List<Source> more) {
        List<Source> all = new java.util.ArrayList<>(also);
        all.addAll(more);
        return new Origin(file, input, line, endLine, text, micros, sortMicros, wall, boot, host, kernel, all);
    }

    /** This origin as a source of evidence. */
    public Source source() {
        return new Source(file, line, text);
    }

    /** {@code file:line}, the way evidence is cited. */
    public String location() {
        return file + ":" + line;
    }

    /** Total order: boot, time, then input, then line. */
    @Override
    public int compareTo(Origin o) {
        int c = Integer.compare(boot, o.boot);
        if (c == 0) {
            c = Long.compare(sortMicros, o.sortMicros);
        }
        if (c == 0) {
            c = Integer.compare(input, o.input);
        }
        return c != 0 ? c : Long.compare(line, o.line);
    }

    public boolean before(Origin o) {
        return compareTo(o) < 0;
    }

    public boolean after(Origin o) {
        return compareTo(o) > 0;
    }
}
