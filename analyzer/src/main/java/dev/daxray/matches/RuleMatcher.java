package dev.daxray.matches;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.daxray.events.Origin;
import dev.daxray.rules.Ast;
import dev.daxray.rules.BoundRule;
import dev.daxray.rules.BoundStep;
import dev.daxray.rules.Fact;

/**
 * Matches one rule over a time-ordered stream of facts.
 *
 * <p>State is explicit and indexed: for a sequence, step index → scope (host, boot, key) → the
 * partial match waiting for that step; for a group, scope → partial ({@link OpenPartials}). {@link Deadlines} holds each
 * partial's deadline (end of its {@code within} window, or of the {@code not} step it waits on), so
 * the clock expires exactly the partials that are due. At most one partial waits per step and key
 * (a newer one supersedes an older one, as EQL does), and at most {@link #OPEN_LIMIT} are open at once
 * (the oldest is ended as {@link Check#EVICTED}); a partial keeps the facts its steps count, no more
 * (the binder bounds a count by {@link dev.daxray.rules.BoundStep#MAX_COUNT}). So memory is bounded by
 * the rule, whatever the input.
 *
 * <p>Time is the facts' own monotonic time ({@link Origin#micros()}). When either side of a window
 * check has no time, the window is taken as satisfied within the same boot; such partials end at
 * the end of the boot or of the input. A new boot (or host) ends every partial of the previous one.
 */
final class RuleMatcher {

    private static final int NEAR_MISS_LIMIT = 50;
    /** At most this many partial matches of one rule are open; a new one ends the oldest. */
    static final int OPEN_LIMIT = 1024;

    /** Where a matcher's results go. */
    interface Sink {
        /** A finding; {@code outcome} is its partial match's outcome (null unless the rule suppresses). */
        void found(Finding finding, Outcome outcome);

        void nearMiss(NearMiss miss);

        /** A suppressing rule's partial match became certain, or ended. */
        void moved(Outcome outcome, Outcome.State state);
    }

    private final BoundRule rule;
    private final List<BoundStep> steps;
    private final Sink sink;
    private final EnumMap<Check, Long> counters = new EnumMap<>(Check.class);
    private final OpenPartials open;
    private final MissText text;
    private final Deadlines deadlines = new Deadlines();
    private long seq;
    private long factSeq;
    private int nearMissCount;

    RuleMatcher(BoundRule rule, Sink sink) {
        this.rule = rule;
        this.steps = rule.steps();
        this.sink = sink;
        this.open = new OpenPartials(rule.shape() == Ast.Shape.GROUP ? 1 : steps.size());
        this.text = new MissText(rule);
    }

    BoundRule rule() {
        return rule;
    }

    Map<Check, Long> counters() {
        return counters;
    }

    /** Moves the clock to {@code micros}: every partial whose deadline is before it times out. */
    void advanceTo(long micros) {
        for (Partial p = deadlines.due(micros); p != null; p = deadlines.due(micros)) {
            timeout(p);
        }
        deadlines.compact(open.size());
    }

    /**
     * Ends every partial at the end of a boot or of the input. A {@code not} step holds when its boot
     * ended, or when the capture has no times; when the input simply stops before a timed window
     * has passed, nothing proves the absence, so the partial ends as a near miss.
     */
    void endAll(boolean endOfInput) {
        for (Partial p : open.all()) {
            while (!p.done && waitingOnAbsence(p) && !(endOfInput && p.absenceStart != null)) {
                count(Check.ABSENCE_HELD);
                passAbsence(p, null);
            }
            if (!p.done) {
                end(p, Check.END, endOfInput ? "the input ended" : "the boot ended");
            }
        }
        deadlines.clear();
    }

    void offer(Fact fact) {
        factSeq++;
        if (rule.until() != null && rule.until().matches(fact)) {
            until(fact);
        }
        if (rule.shape() == Ast.Shape.SEQUENCE) {
            absences(fact);
            sequence(fact);
        } else {
            group(fact);
        }
    }

    // ---- until and absence

    private void until(Fact fact) {
        List<Object> key = rule.until().key(fact);
        List<Partial> hit = new ArrayList<>();
        for (Partial p : open.all()) {
            if (p.scope.sameBoot(fact.origin()) && (key == null || key.isEmpty() || key.equals(p.scope.key()))) {
                hit.add(p);
            }
        }
        for (Partial p : hit) {
            end(p, Check.UNTIL, text.fact(fact) + " ended it");
        }
    }

    private void absences(Fact fact) {
        for (BoundStep step : steps) {
            if (!step.absent() || !step.pattern().matches(fact)) {
                continue;
            }
            List<Object> key = step.pattern().key(fact);
            if (key == null) {
                continue;
            }
            Partial p = open.get(step.index(), scope(fact, key));
            if (p == null || !p.absenceArmed) {
                continue;
            }
            Long micros = fact.origin().micros();
            boolean inTime = p.absenceStart == null || micros == null || micros - p.absenceStart <= step.absentWindowMicros();
            if (inTime) {
                count(Check.ABSENCE);
                abandon(p);
                nearMiss(p, Check.ABSENCE, step, () -> text.first(p) + " was followed by " + text.fact(fact)
                        + " within " + step.absentWindowText());
            }
        }
    }

    // ---- sequences

    private void sequence(Fact fact) {
        boolean startsHere = false;
        boolean advancedAtZero = false;
        for (int j = steps.size() - 1; j >= 0; j--) {
            BoundStep step = steps.get(j);
            if (step.absent() || !step.pattern().matches(fact)) {
                continue;
            }
            count(Check.MATCHED);
            List<Object> key = step.pattern().key(fact);
            if (key == null) {
                count(Check.KEY_MISSING);
                continue;
            }
            Partial.Scope scope = scope(fact, key);
            boolean advanced = false;
            for (int s = j; s >= 0; s--) {
                if (s < j && !skippable(steps.get(s))) {
                    break;
                }
                Partial p = open.get(s, scope);
                if (p == null || p.done || p.lastFact == factSeq || !inWindow(p, fact)) {
                    continue;
                }
                open.remove(s, scope);
                p.lastFact = factSeq;
                take(p, j, fact);
                p.stage = p.matched.get(j).size() >= step.minCount() ? j + 1 : j;
                advanced = true;
                if (s == 0) {
                    advancedAtZero = true;
                }
                settle(p, fact);
            }
            if (j == 0) {
                startsHere = true;
            }
            if (!advanced && j > 0) {
                count(Check.KEY_UNMATCHED);
            }
        }
        if (startsHere && !advancedAtZero) {
            List<Object> key = steps.get(0).pattern().key(fact);
            if (key != null) {
                Partial p = start(scope(fact, key), fact.origin());
                p.lastFact = factSeq;
                take(p, 0, fact);
                p.stage = steps.get(0).minCount() <= 1 ? 1 : 0;
                settle(p, fact);
            }
        }
    }

    private static boolean skippable(BoundStep step) {
        return step.optional() && !step.absent();
    }

    /** After a partial moved: complete it, arm a {@code not} step, or park it at its stage. */
    private void settle(Partial p, Fact fact) {
        if (p.stage >= steps.size()) {
            emit(p);
            return;
        }
        noteCertain(p);
        BoundStep next = steps.get(p.stage);
        if (next.absent() && !p.absenceArmed) {
            p.absenceArmed = true;
            p.absenceStart = fact == null ? p.absenceStart : fact.origin().micros();
        }
        Partial previous = open.put(p.stage, p);
        if (previous != null && previous != p) {
            count(Check.SUPERSEDED);
            previous.done = true;
            if (satisfied(previous)) {
                emit(previous);
            } else {
                moved(previous, Outcome.State.ENDED);
            }
        }
        schedule(p);
    }

    private boolean waitingOnAbsence(Partial p) {
        return rule.shape() == Ast.Shape.SEQUENCE && p.stage < steps.size() && steps.get(p.stage).absent();
    }

    private void passAbsence(Partial p, Long at) {
        open.remove(p.stage, p.scope);
        p.absenceArmed = false;
        p.stage++;
        if (p.stage < steps.size() && steps.get(p.stage).absent()) {
            p.absenceArmed = true;
            p.absenceStart = at;
        }
        if (p.stage >= steps.size()) {
            emit(p);
        } else {
            open.put(p.stage, p);
            schedule(p);
        }
    }

    // ---- groups

    private void group(Fact fact) {
        for (BoundStep step : steps) {
            if (!step.pattern().matches(fact)) {
                continue;
            }
            count(Check.MATCHED);
            List<Object> key = step.pattern().key(fact);
            if (key == null) {
                count(Check.KEY_MISSING);
                continue;
            }
            Partial.Scope scope = scope(fact, key);
            Partial existing = open.get(0, scope);
            if (existing != null && existing.lastFact == factSeq) {
                continue;
            }
            if (existing == null) {
                existing = start(scope, fact.origin());
                open.put(0, existing);
            }
            Partial p = existing;
            if (!p.wants(step)) {
                if (!anotherStepWants(p, step, fact)) {
                    count(Check.DUPLICATE);
                }
                continue;
            }
            p.lastFact = factSeq;
            take(p, step.index(), fact);
            if (p.allCounted(steps)) {
                emit(p);
            } else {
                noteCertain(p);
                schedule(p);
            }
        }
    }

    /** True when a step other than {@code step} still needs {@code fact} in {@code p} (a group's fact per line). */
    private boolean anotherStepWants(Partial p, BoundStep step, Fact fact) {
        for (BoundStep s : steps) {
            if (s != step && p.wants(s) && s.pattern().matches(fact)) {
                return true;
            }
        }
        return false;
    }

    // ---- time

    private boolean inWindow(Partial p, Fact fact) {
        if (!p.scope.sameBoot(fact.origin())) {
            return false;
        }
        Long start = p.start.micros();
        Long now = fact.origin().micros();
        return rule.windowMicros() == null || start == null || now == null || now - start <= rule.windowMicros();
    }

    private void schedule(Partial p) {
        Long deadline = null;
        if (rule.windowMicros() != null && p.start.micros() != null) {
            deadline = p.start.micros() + rule.windowMicros();
        }
        if (waitingOnAbsence(p) && p.absenceStart != null) {
            long absence = p.absenceStart + steps.get(p.stage).absentWindowMicros();
            deadline = deadline == null ? absence : Math.min(deadline, absence);
        }
        deadlines.set(p, deadline);
    }

    private void timeout(Partial p) {
        if (waitingOnAbsence(p) && p.absenceStart != null
                && p.absenceStart + steps.get(p.stage).absentWindowMicros() <= p.deadline) {
            count(Check.ABSENCE_HELD);
            passAbsence(p, p.deadline);
            return;
        }
        BoundStep waiting = firstMissing(p);
        boolean threshold = waiting != null && !p.matched.get(waiting.index()).isEmpty();
        end(p, threshold ? Check.THRESHOLD : Check.WINDOW, null);
    }

    // ---- ending partials

    private void end(Partial p, Check check, String why) {
        if (p.done) {
            return;
        }
        if (satisfied(p)) {
            emit(p);
            return;
        }
        count(check);
        abandon(p);
        BoundStep missing = firstMissing(p);
        nearMiss(p, check, missing, () -> text.ended(p, check, missing, why));
    }

    private boolean satisfied(Partial p) {
        return p.satisfied(steps, rule.shape());
    }

    private BoundStep firstMissing(Partial p) {
        return p.firstMissing(steps);
    }

    private void remove(Partial p) {
        p.done = true;
        open.remove(p);
    }

    private void emit(Partial p) {
        remove(p);
        moved(p, Outcome.State.FOUND);
        count(Check.FINDING);
        sink.found(Finding.of(rule, p), p.outcome);
    }

    /** Records a near miss, its message written only while fewer than the limit were kept. */
    private void nearMiss(Partial p, Check check, BoundStep missing, java.util.function.Supplier<String> message) {
        if (nearMissCount++ >= NEAR_MISS_LIMIT) {
            return;
        }
        sink.nearMiss(new NearMiss(rule.name(), rule.kind(), check, p.evidence(),
                missing == null ? "" : text.step(missing), message.get()));
    }

    // ---- partial matches: opening, taking facts, outcomes

    /** A new partial match; when {@link #OPEN_LIMIT} are open, the oldest is ended first. */
    private Partial start(Partial.Scope scope, Origin start) {
        if (open.size() >= OPEN_LIMIT) {
            Partial oldest = open.oldest();
            if (oldest != null) {
                end(oldest, Check.EVICTED, OPEN_LIMIT + " other partial matches were open");
            }
        }
        count(Check.STARTED);
        return new Partial(seq++, scope, start, steps.size(), rule.suppress().isEmpty() ? null : new Outcome(rule));
    }

    /** Step {@code step} of {@code p} takes {@code fact}; a suppressing rule marks the fact's events. */
    private void take(Partial p, int step, Fact fact) {
        p.matched.get(step).add(fact);
        if (p.outcome != null) {
            if (fact instanceof HeldEvent e) {
                e.suppressedBy(p.outcome);
            } else if (fact instanceof Finding f) {
                f.heldEvents().forEach(e -> e.suppressedBy(p.outcome));
            }
        }
    }

    /** A suppressing rule's partial match whose required steps are complete will become a finding. */
    private void noteCertain(Partial p) {
        if (p.outcome != null && p.outcome.state() == Outcome.State.OPEN && satisfied(p)) {
            moved(p, Outcome.State.SATISFIED);
        }
    }

    private void moved(Partial p, Outcome.State state) {
        if (p.outcome != null) {
            sink.moved(p.outcome, state);
        }
    }

    /** Ends {@code p} without a finding. */
    private void abandon(Partial p) {
        remove(p);
        moved(p, Outcome.State.ENDED);
    }

    private Partial.Scope scope(Fact fact, List<Object> key) {
        return new Partial.Scope(fact.origin().host(), fact.origin().boot(), key);
    }

    private void count(Check check) {
        counters.merge(check, 1L, Long::sum);
    }

}
