package dev.daxray.rules;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Origin;

/**
 * An event seen by the rules. Bound rules read its fields through the schema's readers directly. The
 * engine's implementation also carries what has to follow the event while matches hold it
 * ({@code dev.daxray.matches.HeldEvent}).
 */
public interface EventFact extends Fact {

    Event event();

    @Override
    default String type() {
        return event().type();
    }

    @Override
    default boolean isFinding() {
        return false;
    }

    @Override
    default Origin origin() {
        return event().origin();
    }

    @Override
    default Object field(String name) {
        Event event = event();
        return EventSchema.get().typeOf(event).field(name).map(f -> f.read(event)).orElse(null);
    }
}
