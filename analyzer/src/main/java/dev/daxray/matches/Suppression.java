package dev.daxray.matches;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.daxray.rules.BoundRule;

/**
 * Applies {@code suppress} clauses while findings stream out of the engine: a finding of kind K (or of the
 * rule named K) is dropped when it shares an event with a finding of a rule that says {@code suppress K} (a
 * pre-remove kill is not a hardware error, so the SIGBUS lines it explains are no {@code sigbus-kill}).
 *
 * <p>The suppressor can conclude after the finding it suppresses (a pre-remove kill waits out its window to
 * collect every SIGBUS line), so the engine notes on each event the partial matches of suppressing rules
 * that took it ({@link HeldEvent#suppressors()}). A finding over such an event is
 * <ul>
 *   <li>suppressed at once when one of them is certain to become a finding (its required steps are
 *       complete) or already has;</li>
 *   <li>kept when every one of them ended without a finding;</li>
 *   <li>otherwise held until the first undecided one is decided.</li>
 * </ul>
 * Only a partial match that is not yet certain holds findings back, and it holds at most the events its
 * steps count, so few findings wait; past {@link #WAITING_LIMIT} the oldest is released as kept. Decisions
 * are made after the event that concluded a finding has been offered to every rule, so a suppressor that
 * takes the same event later in rule order is seen.
 */
final class Suppression {

    /** At most this many findings wait for a suppressor's outcome; the oldest beyond it is kept. */
    static final int WAITING_LIMIT = 1024;

    /** Where decided findings go. */
    interface Verdicts {
        void kept(Finding finding);

        void suppressed(Finding finding);
    }

    /** A finding not yet decided. */
    static final class Candidate {
        final Finding finding;
        final Outcome own;
        boolean decided;

        Candidate(Finding finding, Outcome own) {
            this.finding = finding;
            this.own = own;
        }
    }

    private final Verdicts verdicts;
    /** The rules whose findings some {@code suppress} clause names, by kind or by rule. */
    private final Set<String> suppressible = new LinkedHashSet<>();
    private final List<Candidate> fresh = new ArrayList<>();
    private final ArrayDeque<Candidate> waiting = new ArrayDeque<>();

    Suppression(List<BoundRule> rules, Verdicts verdicts) {
        this.verdicts = verdicts;
        rules.stream().filter(r -> rules.stream().anyMatch(s -> s.suppresses(r)))
                .forEach(r -> suppressible.add(r.name()));
    }

    /** A finding the engine concluded; {@code own} is the outcome of its partial match, or null. */
    void found(Finding finding, Outcome own) {
        fresh.add(new Candidate(finding, own));
    }

    /** Decides the findings concluded since the last call: their events have been offered to every rule. */
    void settle() {
        for (Candidate c : fresh) {
            decide(c);
        }
        fresh.clear();
        while (!waiting.isEmpty() && waiting.peekFirst().decided) {
            waiting.pollFirst();
        }
        while (waiting.size() > WAITING_LIMIT) {
            Candidate oldest = waiting.pollFirst();
            if (!oldest.decided) {
                keep(oldest);
            }
        }
    }

    /** An outcome moved on: the findings waiting on it are decided again. */
    void moved(Outcome outcome, Outcome.State state) {
        for (Candidate c : outcome.moveTo(state)) {
            if (c.decided) {
                continue;
            }
            if (outcome.certain()) {
                suppress(c);
            } else {
                decide(c);
            }
        }
    }

    /** The end of the input: every outcome is decided by now; anything still waiting is kept. */
    void finish() {
        settle();
        for (Candidate c : waiting) {
            if (!c.decided) {
                keep(c);
            }
        }
        waiting.clear();
    }

    private void decide(Candidate c) {
        Outcome undecided = null;
        if (suppressible.contains(c.finding.rule().name())) {
            for (HeldEvent e : c.finding.heldEvents()) {
                for (Outcome o : e.suppressors()) {
                    if (o == c.own || !o.suppresses(c.finding)) {
                        continue;
                    }
                    if (o.certain()) {
                        suppress(c);
                        return;
                    }
                    if (undecided == null && o.state() == Outcome.State.OPEN) {
                        undecided = o;
                    }
                }
            }
        }
        if (undecided == null) {
            keep(c);
        } else {
            undecided.await(c);
            waiting.addLast(c);
        }
    }

    private void keep(Candidate c) {
        c.decided = true;
        verdicts.kept(c.finding);
    }

    private void suppress(Candidate c) {
        c.decided = true;
        verdicts.suppressed(c.finding);
    }
}
