package dev.daxray.families;

import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.records.LogRecord;

/** Reads the lines of one input for one family. Not thread-safe: one per input. */
public interface FamilyReader {

    /**
     * Offers one record. Returns true when the record belongs to this family (it is then consumed);
     * events that are complete go to {@code sink}. A record that ends an open block without
     * belonging to it closes the block (emitting its event) and returns false.
     */
    boolean offer(LogRecord record, Consumer<Event> sink);

    /** True while a multi-line block is open: every following line is then offered first to this reader. */
    default boolean inBlock() {
        return false;
    }

    /** End of the input or of a boot: emit whatever block is still open. */
    default void finish(Consumer<Event> sink) {
    }
}
