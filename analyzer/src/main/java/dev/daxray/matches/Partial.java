package dev.daxray.matches;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.daxray.events.Origin;
import dev.daxray.rules.Ast;
import dev.daxray.rules.BoundStep;
import dev.daxray.rules.Fact;

/** One partial match of one rule: the facts each step matched so far. Owned by its {@link RuleMatcher}. */
final class Partial {

    /**
     * Where partial matches may join: same host, same boot, same key values. Every event looks its scope up in
     * each rule it matches, so the hash is worked out once, when the scope is made.
     */
    static final class Scope {
        private final String host;
        private final int boot;
        private final List<Object> key;
        private final int hash;

        Scope(String host, int boot, List<Object> key) {
            this.host = host;
            this.boot = boot;
            this.key = java.util.Collections.unmodifiableList(new ArrayList<>(key));
            this.hash = (31 * Objects.hashCode(host) + boot) * 31 + this.key.hashCode();
        }

        List<Object> key() {
            return key;
        }

        boolean sameBoot(Origin origin) {
            return boot == origin.boot() && Objects.equals(host, origin.host());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Scope s && hash == s.hash && boot == s.boot && Objects.equals(host, s.host)
                    && key.equals(s.key);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return host + "/" + boot + key;
        }
    }

    final long seq;
    final Scope scope;
    final Origin start;
    final List<List<Fact>> matched;
    /** Sequences: the index of the step waited for. Groups: unused. */
    int stage;
    /** A {@code not} step's window start (micros, null when untimed). */
    Long absenceStart;
    boolean absenceArmed;
    /** The deadline the queue holds for this partial, or null when only a boot end / until ends it. */
    Long deadline;
    boolean done;
    long lastFact = -1;
    /** What it becomes, for {@link Suppression}; null unless its rule suppresses other kinds. */
    final Outcome outcome;

    Partial(long seq, Scope scope, Origin start, int steps, Outcome outcome) {
        this.seq = seq;
        this.scope = scope;
        this.start = start;
        this.outcome = outcome;
        this.matched = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            matched.add(new ArrayList<>(1));
        }
    }

    /** True when the required steps are complete (and, in a sequence, every {@code not} step passed). */
    boolean satisfied(List<BoundStep> steps, Ast.Shape shape) {
        for (BoundStep s : steps) {
            if (s.required() && matched.get(s.index()).size() < s.minCount()) {
                return false;
            }
            if (s.absent() && shape == Ast.Shape.SEQUENCE && stage <= s.index()) {
                return false;
            }
        }
        return true;
    }

    /** True when step {@code s} has fewer facts than its count. */
    boolean wants(BoundStep s) {
        return matched.get(s.index()).size() < s.minCount();
    }

    /** True when every step, optional ones too, has its count: a group is complete then. */
    boolean allCounted(List<BoundStep> steps) {
        for (BoundStep s : steps) {
            if (wants(s)) {
                return false;
            }
        }
        return true;
    }

    /** The first step still missing: a {@code not} step not yet passed, or a required step short of its count. */
    BoundStep firstMissing(List<BoundStep> steps) {
        for (BoundStep s : steps) {
            if (s.absent() && stage <= s.index()) {
                return s;
            }
            if (s.required() && matched.get(s.index()).size() < s.minCount()) {
                return s;
            }
        }
        return null;
    }

    List<Fact> evidence() {
        List<Fact> all = new ArrayList<>();
        matched.forEach(all::addAll);
        all.sort((a, b) -> a.origin().compareTo(b.origin()));
        return all;
    }
}
