package dev.daxray.families;

import java.util.Optional;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.records.LogRecord;

/** A family whose messages are each one line: one record in, at most one event out. */
public abstract class LineFamily implements Family {

    /** Reads one line; each reader gets its own, since parse drivers are not thread-safe. */
    @FunctionalInterface
    public interface LineParser {
        /** The event this line is, or empty when it is not of this family. */
        Optional<Event> parse(LogRecord record);
    }

    /** A new parser for one reader. */
    protected abstract LineParser newParser();

    /**
     * What a line says besides its event, as events of their own, given before it (nothing by default):
     * e.g. the injection tool a trace line names as its task.
     */
    protected void alongside(LogRecord record, Event event, Consumer<Event> sink) {
    }

    @Override
    public final FamilyReader newReader() {
        LineParser parser = newParser();
        return new FamilyReader() {
            @Override
            public boolean offer(LogRecord record, Consumer<Event> sink) {
                Optional<Event> event = parser.parse(record);
                event.ifPresent(e -> {
                    alongside(record, e, sink);
                    sink.accept(e);
                });
                return event.isPresent();
            }
        };
    }
}
