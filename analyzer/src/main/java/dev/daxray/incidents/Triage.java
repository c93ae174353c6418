package dev.daxray.incidents;

import java.util.List;

import dev.daxray.events.Event;
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
        Engine.Result matches = new Engine(rules).run(events);
        List<Incident> incidents = IncidentBuilder.build(matches.findings()).stream()
                .filter(i -> Severity.parse(i.severity()).orElseThrow().atLeast(minSeverity))
                .toList();
        return new Result(incidents, matches);
    }
}
