package dev.daxray.incidents;

import java.util.List;

import dev.daxray.events.Event;
import dev.daxray.matches.Claim;

/**
 * What incident building keeps on an event it has seen in a kept finding ({@link dev.daxray.matches.HeldEvent#claim()}):
 * the merge keys the event gives, worked out once however many findings the event is in (in a SIGBUS flood
 * each line is in two or three), and the incident that placed it, once one has.
 */
final class EventNote implements Claim {

    final Event event;
    /** The keys of the event alone ({@link MergePolicy#eventKeys}). */
    final List<MergeKey> keys;
    /** The incident the event was counted in, or null while none has. */
    IncidentDraft placed;

    EventNote(Event event) {
        this.event = event;
        this.keys = MergePolicy.eventKeys(event);
    }
}
