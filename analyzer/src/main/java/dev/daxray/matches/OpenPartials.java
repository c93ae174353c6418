package dev.daxray.matches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open partial matches of one rule, indexed by stage and scope: for a sequence, the step each waits
 * for; a group has one stage. At most one partial waits per stage and scope. Owned by its
 * {@link RuleMatcher}.
 */
final class OpenPartials {

    private final List<Map<Partial.Scope, Partial>> stages = new ArrayList<>();

    OpenPartials(int stages) {
        for (int i = 0; i < stages; i++) {
            this.stages.add(new LinkedHashMap<>());
        }
    }

    Partial get(int stage, Partial.Scope scope) {
        return stages.get(stage).get(scope);
    }

    /** Parks {@code p} at {@code stage}; returns the partial it displaced there, or null. */
    Partial put(int stage, Partial p) {
        return stages.get(stage).put(p.scope, p);
    }

    void remove(int stage, Partial.Scope scope) {
        stages.get(stage).remove(scope);
    }

    /** Removes {@code p} wherever it waits. */
    void remove(Partial p) {
        for (Map<Partial.Scope, Partial> m : stages) {
            m.remove(p.scope, p);
        }
    }

    int size() {
        int open = 0;
        for (Map<Partial.Scope, Partial> m : stages) {
            open += m.size();
        }
        return open;
    }

    /** The open partial started first, as far as the order each stage was reached in tells. */
    Partial oldest() {
        Partial oldest = null;
        for (Map<Partial.Scope, Partial> m : stages) {
            for (Partial p : m.values()) {
                if (oldest == null || p.seq < oldest.seq) {
                    oldest = p;
                }
                break;
            }
        }
        return oldest;
    }

    /** Every open partial, oldest first. */
    List<Partial> all() {
        List<Partial> open = new ArrayList<>();
        stages.forEach(m -> open.addAll(m.values()));
        open.sort((a, b) -> Long.compare(a.seq, b.seq));
        return open;
    }
}
