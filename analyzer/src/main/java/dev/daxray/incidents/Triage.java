package dev.daxray.incidents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.daxray.address.AddressMap;
import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Origin;
import dev.daxray.matches.Engine;
import dev.daxray.rules.RuleSet;
import dev.daxray.rules.Severity;

/** Events in, incidents out: the engine, then merging, then the severity filter. */
public final class Triage {

    private Triage() {
    }

    /** The incidents at or above {@code minSeverity}, and what the engine saw on the way. */
    public record Result(List<Incident> incidents, Engine.Result matches) {
        public Result {
            incidents = List.copyOf(incidents);
        }

        /** True when some incident is at least {@code severity}. */
        public boolean reaches(Severity severity) {
            return incidents.stream().anyMatch(i -> Severity.parse(i.severity()).orElseThrow().atLeast(severity));
        }
    }

    public static Result run(List<Event> events, RuleSet rules, Severity minSeverity) {
        return run(events, rules, minSeverity, null);
    }

    /**
     * As {@link #run(List, RuleSet, Severity)}, with each incident's poisoned pages placed on the
     * persistent-memory devices by {@code addresses} (the timeline's map; null places none).
     */
    public static Result run(List<Event> events, RuleSet rules, Severity minSeverity, AddressMap addresses) {
        return run(events, rules, minSeverity, addresses, Map.of());
    }

    /**
     * As {@link #run(List, RuleSet, Severity, AddressMap)}, with the timeline's clock notes (input file →
     * how its wall clock was aligned) for the incidents' {@code clock}.
     */
    public static Result run(List<Event> events, RuleSet rules, Severity minSeverity, AddressMap addresses,
                             Map<String, String> clockNotes) {
        Engine.Result matches = new Engine(rules).run(distinct(events));
        List<Incident> incidents = IncidentBuilder.build(matches.findings(), addresses, clockNotes).stream()
                .filter(i -> Severity.parse(i.severity()).orElseThrow().atLeast(minSeverity))
                .toList();
        return new Result(incidents, matches);
    }

    /**
     * The events without the copies a second capture of the same log adds: an event of another input
     * with the same host, boot, monotonic time, type and fields as one already seen is the same kernel
     * message (a dmesg and a journal of one boot, a log and its mail excerpt), and must not count twice
     * (three copies of one verdict are not a repeat poison). Untimed events are kept: without a time,
     * two equal lines may well be two messages.
     */
    static List<Event> distinct(List<Event> events) {
        Map<String, Integer> firstInput = new HashMap<>();
        List<Event> kept = new ArrayList<>(events.size());
        for (Event e : events) {
            Origin o = e.origin();
            if (o.micros() == null) {
                kept.add(e);
                continue;
            }
            EventSchema.Type type = EventSchema.get().typeOf(e);
            StringBuilder key = new StringBuilder().append(o.host()).append('|').append(o.boot()).append('|')
                    .append(o.micros()).append('|').append(type.name());
            for (EventSchema.Field f : type.ownFields()) {
                key.append('|').append(f.read(e));
            }
            Integer input = firstInput.putIfAbsent(key.toString(), o.input());
            if (input == null || input == o.input()) {
                kept.add(e);
            }
        }
        return kept;
    }
}
