package dev.daxray.matches;

import java.util.ArrayList;
import java.util.List;

import dev.daxray.events.Event;
import dev.daxray.rules.EventFact;

/**
 * An event while the engine holds it: the fact rules read, plus what has to follow the event for as long
 * as a partial match or a finding refers to it, and no longer:
 * <ul>
 *   <li>the partial matches of suppressing rules that took it ({@link Suppression} decides with them
 *       whether a finding over the event survives);</li>
 *   <li>what incident building noted on it, the incident that placed it above all ({@link #claim()}).</li>
 * </ul>
 * Each event of a run is wrapped once, so the object's identity is the event's identity; nothing indexes
 * events by value, so memory follows the matches and findings alive, not the events seen.
 */
public final class HeldEvent implements EventFact {

    private final Event event;
    /** The event's type, read once: every rule's pattern asks for it. */
    private final String type;
    /** The event that stands for this one in suppression: itself, or an earlier listing of the same range. */
    private final HeldEvent same;
    private List<Outcome> suppressors;
    private Claim claim;

    HeldEvent(Event event, HeldEvent same) {
        this.event = event;
        this.type = event.type();
        this.same = same == null ? this : same;
    }

    @Override
    public Event event() {
        return event;
    }

    @Override
    public String type() {
        return type;
    }

    /** What incident building noted on this event (the incident it was placed in), or null. */
    public Claim claim() {
        return claim;
    }

    public void claim(Claim owner) {
        this.claim = owner;
    }

    /** Records that a partial match of a suppressing rule took this event. */
    void suppressedBy(Outcome outcome) {
        HeldEvent canonical = same;
        if (canonical.suppressors == null) {
            canonical.suppressors = new ArrayList<>(2);
        }
        if (!canonical.suppressors.contains(outcome)) {
            canonical.suppressors.add(outcome);
        }
    }

    /** The partial matches of suppressing rules that took this event (or its same-range twin). */
    List<Outcome> suppressors() {
        return same.suppressors == null ? List.of() : same.suppressors;
    }

    @Override
    public String toString() {
        return event.toString();
    }
}
