package dev.daxray.timeline;

/** Hears how reading inputs goes: for progress displays on long runs. All methods default to nothing. */
public interface ReadListener {

    ReadListener NONE = new ReadListener() { };

    /** An input is opened; {@code size} is its size on disk (compressed), or -1 when unknown. */
    default void started(String input, long size) {
    }

    /** {@code bytes} of the input (as stored, before decompression) have been read. */
    default void advanced(long bytes) {
    }

    /**
     * A line of the input being read met {@code fate}; called once for every line, so tests can check
     * the accounting line by line. Keep it cheap: it runs for every line of every input.
     */
    default void line(long line, LineFate fate) {
    }

    /** An input is done. */
    default void finished(InputSummary summary) {
    }
}
