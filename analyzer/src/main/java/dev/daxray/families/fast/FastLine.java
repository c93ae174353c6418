package dev.daxray.families.fast;

import dev.daxray.events.Event;
import dev.daxray.records.LogRecord;

/**
 * A hand-written reader for a family's most frequent fixed-shape lines. It claims only lines it
 * reads exactly as the family's grammar does, and declines (null) anything else: the grammar then
 * reads the line. Implementations are stateless.
 */
@FunctionalInterface
public interface FastLine {

    /** The event {@code record} is, or null when the line is not of a shape this reader knows. */
    Event read(LogRecord record);
}
