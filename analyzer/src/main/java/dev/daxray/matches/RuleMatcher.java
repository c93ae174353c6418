package dev.daxray.matches;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.rules.Ast;
import dev.daxray.rules.BoundRule;
import dev.daxray.rules.BoundStep;
import dev.daxray.rules.Fact;
import dev.daxray.rules.Template;

/**
 * Matches one rule over a time-ordered stream of facts.
 *
 * <p>State is explicit and indexed: for a sequence, step index → scope (host, boot, key) → the
 * partial match waiting for that step; for a group, scope → partial. A priority queue holds each
 * partial's deadline (end of its {@code within} window, or of the {@code not} step it waits on), so
 * the clock expires exactly the partials that are due. At most one partial waits per step and key
 * (a newer one supersedes an older one, as EQL does), so memory is bounded by the keys seen within
 * one window.
 *
 * <p>Time is the facts' own monotonic time ({@link Origin#micros()}). When either side of a window
 * check has no time, the window is taken as satisfied within the same boot; such partials end at
 * the end of the boot or of the input. A new boot (or host) ends every partial of the previous one.
 */
final class RuleMatcher {

    private static final int NEAR_MISS_LIMIT = 50;

    private final BoundRule rule;
    private final List<BoundStep> steps;
    private final Consumer<Finding> findings;
    private final Consumer<NearMiss> nearMisses;
    private final EnumMap<Check, Long> counters = new EnumMap<>(Check.class);
    private final List<Map<Partial.Scope, Partial>> atStage = new ArrayList<>();
    private final Map<Partial.Scope, Partial> groups = new LinkedHashMap<>();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long seq;
    private long factSeq;
    private int nearMissCount;

    private record Entry(long deadline, long seq, Partial partial) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    RuleMatcher(BoundRule rule, Consumer<Finding> findings, Consumer<NearMiss> nearMisses) {
        this.rule = rule;
        this.steps = rule.steps();
        this.findings = findings;
        this.nearMisses = nearMisses;
        for (int i = 0; i < steps.size(); i++) {
            atStage.add(new LinkedHashMap<>());
        }
    }

    BoundRule rule() {
        return rule;
    }

    Map<Check, Long> counters() {
        return counters;
    }

    /** Moves the clock to {@code micros}: every partial whose deadline is before it times out. */
    void advanceTo(long micros) {
        while (!queue.isEmpty() && queue.peek().deadline < micros) {
            Entry e = queue.poll();
            Partial p = e.partial;
            if (p.done || p.deadline == null || p.deadline != e.deadline) {
                continue;
            }
            timeout(p);
        }
    }

    /**
     * Ends every partial at the end of a boot or of the input. A {@code not} step holds when its boot
     * ended, or when the capture has no times; when the input simply stops before a timed window
     * has passed, nothing proves the absence, so the partial ends as a near miss.
     */
    void endAll(boolean endOfInput) {
        List<Partial> open = new ArrayList<>();
        if (rule.shape() == Ast.Shape.GROUP) {
            open.addAll(groups.values());
        } else {
            atStage.forEach(m -> open.addAll(m.values()));
        }
        open.sort((a, b) -> Long.compare(a.seq, b.seq));
        for (Partial p : open) {
            while (!p.done && waitingOnAbsence(p) && !(endOfInput && p.absenceStart != null)) {
                count(Check.ABSENCE_HELD);
                passAbsence(p, null);
            }
            if (!p.done) {
                end(p, Check.END, endOfInput ? "the input ended" : "the boot ended");
            }
        }
        queue.clear();
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
        for (Partial p : all()) {
            if (p.scope.sameBoot(fact.origin()) && (key == null || key.isEmpty() || key.equals(p.scope.key()))) {
                hit.add(p);
            }
        }
        for (Partial p : hit) {
            end(p, Check.UNTIL, describe(fact) + " ended it");
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
            Partial p = atStage.get(step.index()).get(scope(fact, key));
            if (p == null || !p.absenceArmed) {
                continue;
            }
            Long micros = fact.origin().micros();
            boolean inTime = p.absenceStart == null || micros == null || micros - p.absenceStart <= step.absentWindowMicros();
            if (inTime) {
                count(Check.ABSENCE);
                remove(p);
                nearMiss(p, Check.ABSENCE, step, describeFirst(p) + " was followed by " + describe(fact)
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
                Partial p = atStage.get(s).get(scope);
                if (p == null || p.done || p.lastFact == factSeq || !inWindow(p, fact)) {
                    continue;
                }
                atStage.get(s).remove(scope);
                p.lastFact = factSeq;
                p.matched.get(j).add(fact);
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
                Partial p = new Partial(seq++, scope(fact, key), fact.origin(), steps.size());
                count(Check.STARTED);
                p.lastFact = factSeq;
                p.matched.get(0).add(fact);
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
        BoundStep next = steps.get(p.stage);
        if (next.absent() && !p.absenceArmed) {
            p.absenceArmed = true;
            p.absenceStart = fact == null ? p.absenceStart : fact.origin().micros();
        }
        Partial previous = atStage.get(p.stage).put(p.scope, p);
        if (previous != null && previous != p) {
            count(Check.SUPERSEDED);
            previous.done = true;
            if (satisfied(previous)) {
                emit(previous);
            }
        }
        schedule(p);
    }

    private boolean waitingOnAbsence(Partial p) {
        return rule.shape() == Ast.Shape.SEQUENCE && p.stage < steps.size() && steps.get(p.stage).absent();
    }

    private void passAbsence(Partial p, Long at) {
        atStage.get(p.stage).remove(p.scope);
        p.absenceArmed = false;
        p.stage++;
        if (p.stage < steps.size() && steps.get(p.stage).absent()) {
            p.absenceArmed = true;
            p.absenceStart = at;
        }
        if (p.stage >= steps.size()) {
            emit(p);
        } else {
            atStage.get(p.stage).put(p.scope, p);
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
            Partial existing = groups.get(scope);
            if (existing != null && existing.lastFact == factSeq) {
                continue;
            }
            if (existing == null) {
                existing = new Partial(seq++, scope, fact.origin(), steps.size());
                count(Check.STARTED);
                groups.put(scope, existing);
            }
            Partial p = existing;
            if (p.matched.get(step.index()).size() >= step.minCount()) {
                if (steps.stream().noneMatch(s -> s != step && s.pattern().matches(fact)
                        && p.matched.get(s.index()).size() < s.minCount())) {
                    count(Check.DUPLICATE);
                }
                continue;
            }
            p.lastFact = factSeq;
            p.matched.get(step.index()).add(fact);
            if (steps.stream().allMatch(s -> p.matched.get(s.index()).size() >= s.minCount())) {
                emit(p);
            } else {
                schedule(p);
            }
        }
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
        if (deadline != null && !deadline.equals(p.deadline)) {
            p.deadline = deadline;
            queue.add(new Entry(deadline, p.seq, p));
        }
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
        remove(p);
        BoundStep missing = firstMissing(p);
        String message;
        if (check == Check.THRESHOLD) {
            message = describeFirst(p) + ", but " + missing.pattern().text() + " was seen "
                    + p.matched.get(missing.index()).size() + " of " + missing.minCount() + " times within " + rule.windowText();
        } else if (why == null) {
            message = describeFirst(p) + ", but no " + describeStep(missing) + " within " + rule.windowText();
        } else {
            message = describeFirst(p) + ", but " + why + " with no " + describeStep(missing)
                    + (rule.windowText() == null || rule.windowText().isEmpty() ? "" : " (window " + rule.windowText() + ")");
        }
        nearMiss(p, check, missing, message);
    }

    private boolean satisfied(Partial p) {
        for (BoundStep s : steps) {
            if (s.required() && p.matched.get(s.index()).size() < s.minCount()) {
                return false;
            }
            if (s.absent() && rule.shape() == Ast.Shape.SEQUENCE && p.stage <= s.index()) {
                return false;
            }
        }
        return true;
    }

    private BoundStep firstMissing(Partial p) {
        for (BoundStep s : steps) {
            if (s.absent() && p.stage <= s.index()) {
                return s;
            }
            if (s.required() && p.matched.get(s.index()).size() < s.minCount()) {
                return s;
            }
        }
        return null;
    }

    private void remove(Partial p) {
        p.done = true;
        if (rule.shape() == Ast.Shape.GROUP) {
            groups.remove(p.scope, p);
        } else {
            for (Map<Partial.Scope, Partial> m : atStage) {
                m.remove(p.scope, p);
            }
        }
    }

    private void emit(Partial p) {
        remove(p);
        count(Check.FINDING);
        List<Fact> evidence = p.evidence();
        Map<String, Fact> aliases = new HashMap<>();
        for (BoundStep s : steps) {
            if (s.alias() != null && !p.matched.get(s.index()).isEmpty()) {
                aliases.put(s.alias(), p.matched.get(s.index()).get(0));
            }
        }
        List<Object> key = new ArrayList<>();
        if (!rule.keyNames().isEmpty()) {
            Fact first = evidence.get(0);
            BoundStep firstStep = steps.stream().filter(s -> p.matched.get(s.index()).contains(first)).findFirst().orElseThrow();
            List<Object> raw = new ArrayList<>();
            for (var reader : firstStep.pattern().keys()) {
                raw.add(reader.apply(first));
            }
            key.addAll(raw);
        }
        Origin start = evidence.get(0).origin();
        Origin end = evidence.get(evidence.size() - 1).origin();
        Finding draft = new Finding(rule, key, evidence, aliases, start, end, "", "", "");
        findings.accept(new Finding(rule, key, evidence, aliases, start, end, render(rule.title(), draft),
                render(rule.summary(), draft), render(rule.advice(), draft)));
    }

    private String render(Template template, Finding finding) {
        return finding.render(template, List.of(finding));
    }

    private void nearMiss(Partial p, Check check, BoundStep missing, String message) {
        if (nearMissCount++ >= NEAR_MISS_LIMIT) {
            return;
        }
        nearMisses.accept(new NearMiss(rule.name(), rule.kind(), check, p.evidence(),
                missing == null ? "" : describeStep(missing), message));
    }

    // ---- descriptions

    private String describeFirst(Partial p) {
        List<Fact> evidence = p.evidence();
        return evidence.isEmpty() ? rule.name() : describe(evidence.get(0));
    }

    private String describeStep(BoundStep step) {
        String keys = rule.keyNames().isEmpty() ? "" : " with the same " + String.join(", ", rule.keyNames());
        return step.pattern().text() + keys;
    }

    private String describe(Fact fact) {
        StringBuilder out = new StringBuilder(fact.isFinding() ? "finding " + fact.type() : fact.type());
        for (String field : new String[] {"physAddr", "pfn", "device", "comm"}) { // the most precise place first
            Object value = fact.field(field);
            if (value != null) {
                out.append(' ').append(field).append(' ').append(value instanceof Hex h ? h.toString() : value);
                break;
            }
        }
        return out.append(" (").append(fact.origin().location()).append(')').toString();
    }

    private Partial.Scope scope(Fact fact, List<Object> key) {
        return new Partial.Scope(fact.origin().host(), fact.origin().boot(), key);
    }

    private List<Partial> all() {
        List<Partial> open = new ArrayList<>();
        if (rule.shape() == Ast.Shape.GROUP) {
            open.addAll(groups.values());
        } else {
            atStage.forEach(m -> open.addAll(m.values()));
        }
        open.sort((a, b) -> Long.compare(a.seq, b.seq));
        return open;
    }

    private void count(Check check) {
        counters.merge(check, 1L, Long::sum);
    }

}
