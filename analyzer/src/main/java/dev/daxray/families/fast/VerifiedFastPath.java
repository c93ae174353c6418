package dev.daxray.families.fast;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.daxray.records.LogRecord;

/**
 * A family's line reading that takes a {@link FastLine}'s reading when it can trust it and the
 * grammar's otherwise. The first line of each {@link Shape} the fast reader claims is also parsed
 * by the grammar: when both give the same event the shape is trusted, and later lines of that shape
 * skip the grammar; when they differ the grammar reads every line of that shape. So the events never
 * differ from the grammar's, even for a reader that misreads some shape, and a storm of one message
 * costs one grammar parse per shape. At most {@value #MAX_SHAPES} shapes are remembered per reader;
 * beyond that, new shapes go to the grammar.
 *
 * <p>Not thread-safe: one per family reader, like the parse driver it wraps.
 *
 * @param <T> what the grammar makes of a line (an event, or a line of a multi-line record); its
 *            equals must compare everything the reader uses
 */
public final class VerifiedFastPath<T> {

    static final int MAX_SHAPES = 4096;

    /** The family's grammar: what it makes of a line, or empty when the line is not in its language. */
    @FunctionalInterface
    public interface Grammar<T> {
        Optional<T> parse(LogRecord record);
    }

    private final FastLine<T> fast;
    private final Grammar<T> grammar;
    private final Map<Shape, Boolean> trusted = new HashMap<>();
    private final Shape shape = Shape.buffer();
    private long fastReads;

    public VerifiedFastPath(FastLine<T> fast, Grammar<T> grammar) {
        this.fast = fast;
        this.grammar = grammar;
    }

    /** What the grammar makes of {@code record}, from the fast reader when its shape is trusted. */
    public Optional<T> parse(LogRecord record) {
        T event = fast.read(record);
        if (event == null) {
            return grammar.parse(record);
        }
        shape.scan(record.body());
        Boolean agrees = trusted.get(shape);
        if (agrees == null) {
            Optional<T> parsed = grammar.parse(record);
            if (trusted.size() < MAX_SHAPES) {
                trusted.put(shape.copy(), parsed.isPresent() && parsed.get().equals(event));
            }
            return parsed;
        }
        if (!agrees) {
            return grammar.parse(record);
        }
        fastReads++;
        return Optional.of(event);
    }

    /** The fast reader alone, for the agreement test and the fuzz target. */
    public FastLine<T> fast() {
        return fast;
    }

    /** The grammar alone, for the agreement test and the fuzz target. */
    public Grammar<T> grammar() {
        return grammar;
    }

    /** Lines this parser took from the fast reader without parsing them (for tests). */
    public long fastReads() {
        return fastReads;
    }
}
