package dev.daxray.rules;

/** One thing wrong with a rule file, at a position: prints as {@code file:line:col: message}. */
public record Problem(Pos pos, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        return pos.location() + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = pos.file().compareTo(o.pos.file());
        if (c == 0) {
            c = Integer.compare(pos.line(), o.pos.line());
        }
        if (c == 0) {
            c = Integer.compare(pos.column(), o.pos.column());
        }
        return c != 0 ? c : message.compareTo(o.message);
    }
}
