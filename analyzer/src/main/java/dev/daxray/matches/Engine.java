package dev.daxray.matches;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.daxray.events.Badblock;
import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.rules.BoundPattern;
import dev.daxray.rules.BoundRule;
import dev.daxray.rules.BoundStep;
import dev.daxray.rules.RuleSet;

/**
 * Runs a {@link RuleSet} over events in timeline order and hands out findings as they are concluded,
 * after {@code suppress} clauses ({@link Suppression}), with the near misses and each rule's check
 * counters at the end.
 *
 * <p>One pass: each event is offered to the rules whose steps (or {@code until}) name its type; a rule
 * that reads findings ({@code finding <kind>}, a later layer) is offered each finding of that kind when it
 * is concluded, which is at its last fact, or for a finding that waited out a {@code not} or an
 * {@code optional} step, when that wait ended. Nothing is kept per event once the rules have seen it, so
 * memory is bounded by the rules' open partial matches (see {@link RuleMatcher}), not by the input. The
 * result is deterministic: the same events give the same findings in the same order.
 */
public final class Engine {

    private final RuleSet rules;

    public Engine(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * What the engine saw: the findings (only when collected by {@link #run(List)}: all of them, in
     * timeline order by last fact, then rule order), which of them {@code suppress} clauses removed, the
     * near misses and the check counters per rule.
     */
    public record Result(List<Finding> findings, List<Finding> suppressed, List<NearMiss> nearMisses,
                         Map<String, Map<Check, Long>> counters) {
        public Result {
            findings = List.copyOf(findings);
            suppressed = List.copyOf(suppressed);
            nearMisses = List.copyOf(nearMisses);
            counters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        }
    }

    /** Where findings go once {@code suppress} clauses have decided them. */
    public interface Listener {
        /** A finding no {@code suppress} clause removed. */
        void kept(Finding finding);

        /** A finding a {@code suppress} clause removed. */
        default void suppressed(Finding finding) {
        }
    }

    /** Starts a streaming run: offer events in timeline order, then {@link Session#finish()}. */
    public Session start(Listener listener) {
        return new Session(listener);
    }

    /** Runs over {@code events} (in timeline order, as a Timeline gives them) and collects every finding. */
    public Result run(List<Event> events) {
        return run(events, finding -> { });
    }

    /** As {@link #run(List)}, also handing the findings kept to {@code kept} as they are decided. */
    public Result run(List<Event> events, Listener kept) {
        List<Finding> all = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        Session session = start(new Listener() {
            @Override
            public void kept(Finding finding) {
                all.add(finding);
                kept.kept(finding);
            }

            @Override
            public void suppressed(Finding finding) {
                all.add(finding);
                suppressed.add(finding);
            }
        });
        events.forEach(session::offer);
        Result done = session.finish();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            order.put(rules.rules().get(i).name(), i);
        }
        Comparator<Finding> timeline = Comparator.comparing((Finding f) -> f.end()).thenComparing(Finding::start)
                .thenComparingInt(f -> order.get(f.rule().name()));
        all.sort(timeline);
        suppressed.sort(timeline);
        return new Result(all, suppressed, done.nearMisses(), done.counters());
    }

    /** One streaming run. Not thread-safe; single use. */
    public final class Session {

        /** Listings of one media error (a region's and a namespace's) are one event for suppression. */
        private static final int SAME_RANGE_LIMIT = 65_536;

        private final List<RuleMatcher> matchers = new ArrayList<>();
        private final Map<String, List<RuleMatcher>> route = new HashMap<>();
        private final List<List<RuleMatcher>> statefulByLayer = new ArrayList<>();
        private final Suppression suppression;
        private final List<NearMiss> nearMisses = new ArrayList<>();
        private final ArrayDeque<Finding> concluded = new ArrayDeque<>();
        private final Map<List<Object>, HeldEvent> sameRange = new HashMap<>();
        private Integer boot;
        private boolean finished;

        private Session(Listener listener) {
            RuleMatcher.Sink sink = new RuleMatcher.Sink() {
                @Override
                public void found(Finding finding, Outcome outcome) {
                    concluded.addLast(finding);
                    suppression.found(finding, outcome);
                }

                @Override
                public void nearMiss(NearMiss miss) {
                    nearMisses.add(miss);
                }

                @Override
                public void moved(Outcome outcome, Outcome.State state) {
                    suppression.moved(outcome, state);
                }
            };
            for (BoundRule rule : rules.rules()) {
                RuleMatcher m = new RuleMatcher(rule, sink);
                matchers.add(m);
                for (BoundStep step : rule.steps()) {
                    add(step.pattern(), m);
                }
                if (rule.until() != null) {
                    add(rule.until(), m);
                }
                while (statefulByLayer.size() <= rule.layer()) {
                    statefulByLayer.add(new ArrayList<>());
                }
                if (!rule.stateless()) {
                    statefulByLayer.get(rule.layer()).add(m);
                }
            }
            suppression = new Suppression(rules.rules(), new Suppression.Verdicts() {
                @Override
                public void kept(Finding finding) {
                    listener.kept(finding);
                }

                @Override
                public void suppressed(Finding finding) {
                    listener.suppressed(finding);
                }
            });
        }

        /** Offers the next event in timeline order. */
        public void offer(Event event) {
            HeldEvent held = hold(event);
            Origin origin = held.origin();
            if (boot != null && origin.boot() != boot) {
                endAll(false);
            }
            boot = origin.boot();
            if (origin.micros() != null) {
                for (List<RuleMatcher> layer : statefulByLayer) {
                    for (RuleMatcher m : layer) {
                        m.advanceTo(origin.micros());
                    }
                }
                cascade();
            }
            List<RuleMatcher> targets = route.get(routeKey(false, held.type()));
            if (targets != null) {
                for (RuleMatcher m : targets) {
                    m.offer(held);
                }
            }
            cascade();
            suppression.settle();
        }

        /** Ends the input: every partial match ends, and the counters and near misses are final. */
        public Result finish() {
            if (!finished) {
                finished = true;
                endAll(true);
                suppression.finish();
            }
            Map<String, Map<Check, Long>> counters = new LinkedHashMap<>();
            for (RuleMatcher m : matchers) {
                counters.put(m.rule().name(), new java.util.EnumMap<>(m.counters()));
            }
            return new Result(List.of(), List.of(), nearMisses, counters);
        }

        /** A boot (or the input) ended: layer by layer, so findings concluded at the end reach later layers. */
        private void endAll(boolean endOfInput) {
            for (List<RuleMatcher> layer : statefulByLayer) {
                for (RuleMatcher m : layer) {
                    m.endAll(endOfInput);
                }
                cascade();
            }
            suppression.settle();
        }

        /** Offers the findings concluded so far to the rules that read their kind (later layers). */
        private void cascade() {
            while (!concluded.isEmpty()) {
                Finding f = concluded.pollFirst();
                List<RuleMatcher> targets = route.get(routeKey(true, f.kind()));
                if (targets != null) {
                    for (RuleMatcher m : targets) {
                        m.offer(f);
                    }
                }
            }
        }

        private HeldEvent hold(Event event) {
            HeldEvent same = null;
            if (event instanceof Badblock b && b.physAddr() != null && b.size() != null
                    && sameRange.size() < SAME_RANGE_LIMIT) {
                List<Object> range = java.util.Arrays.asList(b.origin().host(), b.origin().boot(), b.physAddr(), b.size());
                same = sameRange.get(range);
                if (same == null) {
                    HeldEvent first = new HeldEvent(event, null);
                    sameRange.put(range, first);
                    return first;
                }
            }
            return new HeldEvent(event, same);
        }

        private void add(BoundPattern pattern, RuleMatcher m) {
            if (pattern.type() == null) {
                return;
            }
            List<RuleMatcher> list = route.computeIfAbsent(routeKey(pattern.finding(), pattern.type()),
                    k -> new ArrayList<>());
            if (!list.contains(m)) {
                list.add(m);
            }
        }
    }

    private static String routeKey(boolean finding, String type) {
        return (finding ? "finding:" : "event:") + Objects.requireNonNull(type);
    }
}
