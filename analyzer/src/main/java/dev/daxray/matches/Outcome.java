package dev.daxray.matches;

import java.util.ArrayList;
import java.util.List;

import dev.daxray.rules.BoundRule;

/**
 * What a partial match of a suppressing rule becomes, as far as the engine knows yet. {@link Suppression}
 * reads it to decide the findings that share an event with the partial match.
 */
final class Outcome {

    enum State {
        /** Its required steps are not all there: it may still come to nothing. */
        OPEN,
        /** Its required steps are complete: it will become a finding whatever follows. */
        SATISFIED,
        /** It became a finding. */
        FOUND,
        /** It ended without a finding. */
        ENDED
    }

    private final BoundRule rule;
    private State state = State.OPEN;
    private List<Suppression.Candidate> waiting;

    Outcome(BoundRule rule) {
        this.rule = rule;
    }

    /** True when this rule's {@code suppress} clause names the finding's kind or its rule. */
    boolean suppresses(Finding finding) {
        return rule.suppresses(finding.rule());
    }

    State state() {
        return state;
    }

    /** True once it is certain to be (or to become) a finding. */
    boolean certain() {
        return state == State.SATISFIED || state == State.FOUND;
    }

    /** Moves on; returns the findings that waited for this, or an empty list when nothing changed. */
    List<Suppression.Candidate> moveTo(State next) {
        if (state == next || state == State.FOUND || state == State.ENDED) {
            return List.of();
        }
        state = next;
        List<Suppression.Candidate> out = waiting == null ? List.of() : waiting;
        waiting = null;
        return out;
    }

    void await(Suppression.Candidate candidate) {
        if (waiting == null) {
            waiting = new ArrayList<>(2);
        }
        waiting.add(candidate);
    }
}
