package dev.daxray.timeline;

import java.util.Objects;

/**
 * What the timeline did with an input's clock, for the user (the input's summary) and for the incidents
 * whose evidence it dated (their {@code clock}).
 *
 * @param kind what happened
 * @param text the note as the user reads it
 */
public record ClockNote(Kind kind, String text) {

    public enum Kind {
        /** A wall-clock input got monotonic times from the alignment. */
        ALIGNED,
        /** The offsets disagreed: times are the capture's own. */
        UNCERTAIN,
        /** Nothing to align with: the input keeps its own clock. */
        NOT_ALIGNED,
        /** A monotonic input lent its clock and got wall times: its own times are unchanged. */
        WALL_DERIVED
    }

    public ClockNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** True when the note bears on the times of the input's evidence (a monotonic input that only lent its clock needs none). */
    public boolean concernsEvidence() {
        return kind != Kind.WALL_DERIVED;
    }

    @Override
    public String toString() {
        return text;
    }
}
