package dev.daxray.rules;

import java.util.Objects;

/**
 * Where a rule node was written: file, 1-based line and column. Nodes the builder or binder invent
 * get a synthetic position ({@code <default-title>}) so that an explanation never says "unknown".
 */
public record Pos(String file, int line, int column) {

    public Pos {
        Objects.requireNonNull(file, "file");
    }

    public static Pos synthetic(String what) {
        return new Pos("<" + what + ">", 0, 0);
    }

    public boolean isSynthetic() {
        return line == 0;
    }

    /** {@code file:line:col}, the prefix of every rule error. */
    public String location() {
        return isSynthetic() ? file : file + ":" + line + ":" + column;
    }
}
