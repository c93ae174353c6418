package dev.daxray.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.daxray.events.Event;
import dev.daxray.matches.EventTally;
import dev.daxray.matches.Finding;

/**
 * One incident while findings still arrive: what its events name ({@link EventTally}), its kinds and
 * labels, and per kind the finding that speaks for it (the most severe, then highest rank, then first).
 * Nothing grows with the number of findings or events. Drafts that turn out to be one root cause merge
 * (a union: the younger is absorbed into the older, which stays the root).
 */
final class IncidentDraft {

    /** Which finding speaks for an incident: the most severe, then the highest rank, then the first. */
    static final Comparator<Finding> SPEAKS_FIRST = IncidentDraft::speaksFirst;

    private final long number;
    private IncidentDraft parent = this;
    private EventTally tally = new EventTally();
    private Set<String> labels = new TreeSet<>();
    private Map<String, Finding> bestByKind = new HashMap<>();
    /** Per kind, the first finding in {@link #SPEAKS_FIRST} order that has advice. */
    private Map<String, Finding> adviceByKind = new HashMap<>();
    private Set<Clause> joinedBy = EnumSet.noneOf(Clause.class);

    IncidentDraft(long number) {
        this.number = number;
    }

    IncidentDraft root() {
        IncidentDraft r = this;
        while (r.parent != r) {
            r = r.parent;
        }
        IncidentDraft d = this;
        while (d.parent != r) {
            IncidentDraft next = d.parent;
            d.parent = r;
            d = next;
        }
        return r;
    }

    boolean isRoot() {
        return parent == this;
    }

    void add(Finding finding) {
        labels.add(finding.kind());
        labels.addAll(finding.rule().labels());
        tally.addFinding(finding.kind());
        keepBest(bestByKind, finding);
        if (!finding.rule().advice().text().isBlank()) {
            keepBest(adviceByKind, finding);
        }
    }

    private static void keepBest(Map<String, Finding> byKind, Finding finding) {
        Finding best = byKind.get(finding.kind());
        if (best == null || speaksFirst(finding, best) < 0) {
            byKind.put(finding.kind(), finding);
        }
    }

    /** {@link #SPEAKS_FIRST}, written out: it runs for every finding of a storm. */
    private static int speaksFirst(Finding a, Finding b) {
        int c = Integer.compare(a.rule().severity().ordinal(), b.rule().severity().ordinal());
        if (c == 0) {
            c = Integer.compare(b.rule().rank(), a.rule().rank());
        }
        return c != 0 ? c : a.start().compareTo(b.start());
    }

    /** One more evidence line; each event is added to one incident once. */
    void add(Event event) {
        tally.add(event);
    }

    void joinedBy(Clause clause) {
        joinedBy.add(clause);
    }

    /** Joins {@code a} and {@code b} (roots): the older absorbs the younger. Returns the root. */
    static IncidentDraft union(IncidentDraft a, IncidentDraft b, Clause how) {
        if (a == b) {
            return a;
        }
        IncidentDraft older = a.number < b.number ? a : b;
        IncidentDraft younger = older == a ? b : a;
        older.tally.addAll(younger.tally);
        older.labels.addAll(younger.labels);
        younger.bestByKind.values().forEach(f -> keepBest(older.bestByKind, f));
        younger.adviceByKind.values().forEach(f -> keepBest(older.adviceByKind, f));
        older.joinedBy.addAll(younger.joinedBy);
        older.joinedBy.add(how);
        younger.parent = older;
        younger.tally = null;
        younger.labels = null;
        younger.bestByKind = null;
        younger.adviceByKind = null;
        younger.joinedBy = null;
        return older;
    }

    EventTally tally() {
        return tally;
    }

    Set<String> labels() {
        return labels;
    }

    Set<Clause> joins() {
        return joinedBy;
    }

    /** The finding that gives the incident its kind, title and summary. */
    Finding primary() {
        return bestByKind.values().stream().min(SPEAKS_FIRST).orElseThrow();
    }

    /** One piece of advice per kind: the primary's, then the most severe finding's of each other kind. */
    List<String> advice() {
        Finding primary = primary();
        List<String> advice = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        if (!primary.advice().isBlank()) {
            advice.add(primary.advice());
            kinds.add(primary.kind());
        }
        List<Finding> advisors = new ArrayList<>(adviceByKind.values());
        advisors.sort(Comparator.comparingInt((Finding f) -> f.rule().severity().ordinal())
                .thenComparing(Comparator.comparingInt((Finding f) -> f.rule().rank()).reversed())
                .thenComparing(Finding::kind)
                .thenComparing(Finding::start));
        for (Finding f : advisors) {
            if (kinds.add(f.kind()) && !advice.contains(f.advice())) {
                advice.add(f.advice());
            }
        }
        return advice;
    }
}
