package dev.daxray.matches;

/**
 * The named checks the engine applies, each with a counter per rule, so that {@code --explain}
 * can say where facts stopped: how many matched a step, how many had no key, how many partial
 * matches ran out of window, were ended by {@code until}, broke an absence, fell short of a count.
 */
public enum Check {
    /** A fact matched a step's type and condition. */
    MATCHED("matched"),
    /** It matched but a key value was missing, so it could not join. */
    KEY_MISSING("key-missing"),
    /** It matched a later step but no partial match with the same key was waiting for it. */
    KEY_UNMATCHED("key-unmatched"),
    /** A partial match was started. */
    STARTED("started"),
    /** A partial match ran out of its {@code within} window before its required steps came. */
    WINDOW("window-expired"),
    /** A partial match was ended by the {@code until} pattern. */
    UNTIL("until"),
    /** A partial match was dropped because a {@code not} step's pattern was seen in time. */
    ABSENCE("absence-violated"),
    /** A {@code not} step held: nothing like it came within its window. */
    ABSENCE_HELD("absence-held"),
    /** A partial match ran out of time while a {@code count >=} step was short. */
    THRESHOLD("threshold-not-reached"),
    /** A newer partial match took the place of an older one at the same step and key. */
    SUPERSEDED("superseded"),
    /** A fact matched only steps a group had already filled. */
    DUPLICATE("duplicate"),
    /** The capture (or the boot) ended while a partial match was incomplete. */
    END("ended-incomplete"),
    /** The rule had too many partial matches open and the oldest was ended. */
    EVICTED("evicted"),
    /** Findings emitted. */
    FINDING("findings");

    private final String label;

    Check(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
