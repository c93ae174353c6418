package dev.daxray.rules;

import dev.daxray.events.Origin;

/**
 * What a rule step matches: an event, or a finding of another rule. Both have a type (the event
 * type, or the finding's kind), an origin that places them in the timeline, and named fields.
 */
public interface Fact {

    /** The event type, or the kind of a finding. */
    String type();

    /** True for findings, so an event type and a kind with the same name never match each other. */
    boolean isFinding();

    Origin origin();

    /** A field's value by name, or null when the fact has no such field or it is unset. */
    Object field(String name);
}
