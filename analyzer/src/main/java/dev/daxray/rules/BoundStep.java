package dev.daxray.rules;

/**
 * One step of a bound rule.
 *
 * @param absentWindowMicros for an absence step, how long nothing like it may follow; else 0
 * @param minCount           matching facts needed (a threshold when above 1)
 */
public record BoundStep(int index, Pos pos, String alias, BoundPattern pattern, boolean optional, boolean absent,
                        long absentWindowMicros, String absentWindowText, int minCount) {

    /**
     * The largest {@code count >=} a step may ask for: a partial match keeps the facts its steps count, so
     * this bounds what one partial match can hold.
     */
    public static final int MAX_COUNT = 10_000;

    public boolean required() {
        return !optional && !absent;
    }

    /** How an explanation names this step: {@code memory-failure where pageType == "dax page"}. */
    public String describe() {
        return (absent ? "not " : "") + pattern.text() + (minCount > 1 ? " count >= " + minCount : "")
                + (absent ? " within " + absentWindowText : "");
    }
}
