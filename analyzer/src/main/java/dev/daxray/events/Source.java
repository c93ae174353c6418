package dev.daxray.events;

import java.util.Objects;

/**
 * Another place the same event was reported: a trace line that repeats a dmesg line, say.
 *
 * @param file the input's display name
 * @param line 1-based line
 * @param text the raw text of that line
 */
public record Source(String file, long line, String text) {

    public Source {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        if (line < 1) {
            throw new IllegalArgumentException("bad line " + line);
        }
    }

    /** {@code file:line}, the way evidence is cited. */
    public String location() {
        return file + ":" + line;
    }
}
