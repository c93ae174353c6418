package dev.daxray.incidents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.daxray.address.AddressMap;
import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Origin;
import dev.daxray.matches.Engine;
import dev.daxray.rules.RuleSet;
import dev.daxray.rules.Severity;
import dev.daxray.timeline.ClockNote;
import dev.daxray.timeline.Timeline;

/**
 * Events in, incidents out: copies a second capture adds are dropped, the engine concludes findings, the
 * incident builder joins them into incidents as they come, then the severity filter. Streamed end to end:
 * memory follows the rules' open partial matches and the incidents, not the events.
 */
public final class Triage {

    private Triage() {
    }

    /**
     * The incidents at or above {@code minSeverity} (and how each was built), and what the engine saw on
     * the way (its counters and near misses).
     */
    public record Result(List<IncidentBuilder.Built> built, Engine.Result matches) {
        public Result {
            built = List.copyOf(built);
        }

        public List<Incident> incidents() {
            return built.stream().map(IncidentBuilder.Built::incident).toList();
        }

        /** True when some incident is at least {@code severity}. */
        public boolean reaches(Severity severity) {
            return built.stream().anyMatch(b -> Severity.parse(b.incident().severity()).orElseThrow().atLeast(severity));
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
                             Map<String, ClockNote> clockNotes) {
        return run(events::forEach, rules, minSeverity, addresses, clockNotes);
    }

    /** Triage of a timeline stream, read once; {@code tap} sees every event as it passes (null: none). */
    public static Result run(Timeline.Stream timeline, RuleSet rules, Severity minSeverity, Consumer<Event> tap) {
        Consumer<Consumer<Event>> source = tap == null ? timeline::forEach
                : sink -> timeline.forEach(e -> {
                    tap.accept(e);
                    sink.accept(e);
                });
        return run(source, rules, minSeverity, timeline.addresses(), timeline.clockNotes());
    }

    private static Result run(Consumer<Consumer<Event>> events, RuleSet rules, Severity minSeverity,
                              AddressMap addresses, Map<String, ClockNote> clockNotes) {
        IncidentBuilder builder = new IncidentBuilder();
        Engine.Session session = new Engine(rules).start(builder);
        Copies copies = new Copies();
        events.accept(e -> {
            if (copies.first(e)) {
                session.offer(e);
            }
        });
        Engine.Result matches = session.finish();
        List<IncidentBuilder.Built> built = builder.build(addresses, clockNotes).stream()
                .filter(b -> Severity.parse(b.incident().severity()).orElseThrow().atLeast(minSeverity))
                .toList();
        return new Result(built, matches);
    }

    /**
     * Drops the copies a second capture of the same log adds: an event of another input with the same
     * host, boot, monotonic time, type and fields as one already seen is the same kernel message (a dmesg
     * and a journal of one boot, a log and its mail excerpt), and must not count twice (three copies of
     * one verdict are not a repeat poison). Untimed events are kept: without a time, two equal lines may
     * well be two messages. Events come in timeline order, so copies are neighbours: only the events of
     * the current instant are remembered.
     */
    static final class Copies {
        /** The first timed event of the current instant, while it is the only one: no key needed yet. */
        private Event alone;
        private final Map<String, Integer> firstInput = new HashMap<>();
        private int boot = -1;
        private long micros = -1;

        boolean first(Event e) {
            Origin o = e.origin();
            if (o.micros() == null) {
                return true;
            }
            if (o.boot() != boot || o.micros() != micros) {
                firstInput.clear();
                boot = o.boot();
                micros = o.micros();
                alone = e;
                return true;
            }
            if (alone != null) {
                firstInput.put(key(alone), alone.origin().input());
                alone = null;
            }
            Integer input = firstInput.putIfAbsent(key(e), o.input());
            return input == null || input == o.input();
        }

        private static String key(Event e) {
            EventSchema.Type type = EventSchema.get().typeOf(e);
            StringBuilder key = new StringBuilder().append(e.origin().host()).append('|').append(type.name());
            for (EventSchema.Field f : type.ownFields()) {
                key.append('|').append(f.read(e));
            }
            return key.toString();
        }
    }
}
