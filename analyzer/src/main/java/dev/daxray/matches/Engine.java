package dev.daxray.matches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.rules.BoundPattern;
import dev.daxray.rules.BoundRule;
import dev.daxray.rules.BoundStep;
import dev.daxray.rules.EventFact;
import dev.daxray.rules.Fact;
import dev.daxray.rules.RuleSet;

/**
 * Runs a {@link RuleSet} over a time-ordered list of events and returns the findings, the near
 * misses and each rule's check counters.
 *
 * <p>Rules run in layers: layer 0 reads events only; a rule that reads findings ({@code finding
 * <kind>}) runs in a later pass over the events merged with the earlier layers' findings, placed
 * at their last fact. Each pass streams once over its input; facts are routed only to the rules
 * whose steps (or {@code until}) name their type. The result is deterministic: the same events
 * give the same findings in the same order.
 */
public final class Engine {

    private final RuleSet rules;

    public Engine(RuleSet rules) {
        this.rules = rules;
    }

    /** Findings in timeline order (by last fact, then rule order), near misses, counters per rule. */
    public record Result(List<Finding> findings, List<NearMiss> nearMisses, Map<String, Map<Check, Long>> counters) {
        public Result {
            findings = List.copyOf(findings);
            nearMisses = List.copyOf(nearMisses);
            counters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        }
    }

    /** {@code events} must be in timeline order ({@link Event#compareTo}), as a Timeline gives them. */
    public Result run(List<Event> events) {
        List<Fact> base = new ArrayList<>(events.size());
        for (Event e : events) {
            base.add(new EventFact(e));
        }
        List<Finding> findings = new ArrayList<>();
        List<NearMiss> nearMisses = new ArrayList<>();
        Map<String, Map<Check, Long>> counters = new LinkedHashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            order.put(rules.rules().get(i).name(), i);
        }
        for (int layer = 0; layer < rules.layers(); layer++) {
            int current = layer;
            List<BoundRule> layerRules = rules.rules().stream().filter(r -> r.layer() == current).toList();
            List<Fact> input = layer == 0 ? base : merge(base, findings);
            List<Finding> produced = new ArrayList<>();
            List<RuleMatcher> matchers = new ArrayList<>();
            for (BoundRule rule : layerRules) {
                matchers.add(new RuleMatcher(rule, produced::add, nearMisses::add));
            }
            pass(input, matchers);
            produced.sort(Comparator.comparing((Finding f) -> f.end())
                    .thenComparing(f -> f.start())
                    .thenComparingInt(f -> order.get(f.rule().name())));
            findings.addAll(produced);
            for (RuleMatcher m : matchers) {
                counters.put(m.rule().name(), new java.util.EnumMap<>(m.counters()));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.end())
                .thenComparing(f -> f.start())
                .thenComparingInt(f -> order.get(f.rule().name())));
        Map<String, Map<Check, Long>> ordered = new LinkedHashMap<>();
        for (BoundRule rule : rules.rules()) {
            ordered.put(rule.name(), counters.getOrDefault(rule.name(), Map.of()));
        }
        return new Result(findings, nearMisses, ordered);
    }

    private static void pass(List<Fact> input, List<RuleMatcher> matchers) {
        Map<String, List<RuleMatcher>> route = new HashMap<>();
        for (RuleMatcher m : matchers) {
            for (BoundStep step : m.rule().steps()) {
                add(route, step.pattern(), m);
            }
            if (m.rule().until() != null) {
                add(route, m.rule().until(), m);
            }
        }
        List<RuleMatcher> stateful = matchers.stream().filter(m -> !m.rule().stateless()).toList();
        Integer boot = null;
        boolean first = true;
        for (Fact fact : input) {
            Origin origin = fact.origin();
            if (!first && origin.boot() != boot) {
                stateful.forEach(m -> m.endAll(false));
            }
            first = false;
            boot = origin.boot();
            if (origin.micros() != null) {
                for (RuleMatcher m : stateful) {
                    m.advanceTo(origin.micros());
                }
            }
            List<RuleMatcher> targets = route.get(routeKey(fact.isFinding(), fact.type()));
            if (targets != null) {
                for (RuleMatcher m : targets) {
                    m.offer(fact);
                }
            }
        }
        stateful.forEach(m -> m.endAll(true));
    }

    private static void add(Map<String, List<RuleMatcher>> route, BoundPattern pattern, RuleMatcher m) {
        if (pattern.type() == null) {
            return;
        }
        List<RuleMatcher> list = route.computeIfAbsent(routeKey(pattern.finding(), pattern.type()), k -> new ArrayList<>());
        if (!list.contains(m)) {
            list.add(m);
        }
    }

    private static String routeKey(boolean finding, String type) {
        return (finding ? "finding:" : "event:") + type;
    }

    /** Events and findings in one order; a finding sorts at its last fact, after that fact. */
    private static List<Fact> merge(List<Fact> events, List<Finding> findings) {
        List<Fact> merged = new ArrayList<>(events.size() + findings.size());
        int i = 0;
        int j = 0;
        while (i < events.size() || j < findings.size()) {
            if (j >= findings.size() || (i < events.size() && events.get(i).origin().compareTo(findings.get(j).origin()) <= 0)) {
                merged.add(events.get(i++));
            } else {
                merged.add(findings.get(j++));
            }
        }
        return merged;
    }
}
