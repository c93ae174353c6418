package dev.daxray.rules;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Origin;

/** An event seen by the rules. Bound rules read its fields through the schema's readers directly. */
public record EventFact(Event event) implements Fact {

    @Override
    public String type() {
        return event.type();
    }

    @Override
    public boolean isFinding() {
        return false;
    }

    @Override
    public Origin origin() {
        return event.origin();
    }

    @Override
    public Object field(String name) {
        return EventSchema.get().typeOf(event).field(name).map(f -> f.read(event)).orElse(null);
    }
}
