package dev.daxray.families.fast;

import dev.daxray.records.LogRecord;

/**
 * A hand-written reader for a family's most frequent fixed-shape lines. It claims only lines it
 * reads exactly as the family's grammar does, and declines (null) anything else: the grammar then
 * reads the line. Implementations are stateless.
 *
 * @param <T> what the family's grammar makes of a line: an event, or a line of a multi-line record
 */
@FunctionalInterface
public interface FastLine<T> {

    /** What {@code record} is, or null when the line is not of a shape this reader knows. */
    T read(LogRecord record);
}
