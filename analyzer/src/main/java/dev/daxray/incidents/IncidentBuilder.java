package dev.daxray.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.daxray.address.AddressMap;
import dev.daxray.events.Origin;
import dev.daxray.matches.Engine;
import dev.daxray.matches.EventTally;
import dev.daxray.matches.Finding;
import dev.daxray.matches.HeldEvent;
import dev.daxray.rules.Severity;
import dev.daxray.timeline.ClockNote;

/**
 * Turns findings into incidents, one per root cause, as the engine concludes them: each finding that
 * survived suppression joins the incidents it shares an event or a merge key with ({@link MergePolicy},
 * {@link MergeIndex}; joining two incidents merges them), else starts one. An incident keeps counters and
 * a bounded tally of what its events name, never the events, so a flood of one root cause costs one
 * incident. {@link #build} writes them ({@link IncidentAssembly}). The result does not depend on file
 * paths or on the order inputs were given.
 */
public final class IncidentBuilder implements Engine.Listener {

    public static final int EVIDENCE_HEAD = EventTally.HEAD;
    public static final int EVIDENCE_TAIL = EventTally.TAIL;

    /**
     * An incident and what built it.
     *
     * @param joinedBy the merge clauses that joined findings into it
     * @param first    its first evidence line
     */
    public record Built(Incident incident, Set<Clause> joinedBy, Origin first) {
        public Built {
            joinedBy = Set.copyOf(joinedBy);
        }
    }

    private final MergeIndex index = new MergeIndex();
    private final List<IncidentDraft> drafts = new ArrayList<>();

    @Override
    public void kept(Finding finding) {
        Long start = finding.start().micros();
        Long end = finding.end().micros();
        List<EventNote> events = notes(finding);
        List<MergeKey> keys = MergePolicy.keys(finding.rule().severity(), events);
        MergeIndex.Entry[] entries = index.find(keys);
        IncidentDraft target = null;
        for (EventNote e : events) {
            if (e.placed != null) {
                target = join(target, e.placed, Clause.SHARED_EVENT);
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            IncidentDraft reached = MergeIndex.reach(keys.get(i), entries[i], start, end);
            if (reached != null) {
                target = join(target, reached, keys.get(i).clause());
            }
        }
        if (target == null) {
            target = new IncidentDraft(drafts.size());
            drafts.add(target);
        }
        target.add(finding);
        for (EventNote e : events) {
            if (e.placed == null) {
                target.add(e.event);
                e.placed = target;
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            index.record(keys.get(i), entries[i], target, start, end);
        }
    }

    /** The finding's events, each once, in timeline order, with what incident building noted on them. */
    private static List<EventNote> notes(Finding finding) {
        List<HeldEvent> held = finding.heldEvents();
        if (held.size() > 1) {
            held = new ArrayList<>(held);
            held.sort(Comparator.comparing(HeldEvent::event));
        }
        List<EventNote> notes = new ArrayList<>(held.size());
        for (HeldEvent e : held) {
            EventNote note = e.claim() instanceof EventNote seen ? seen : new EventNote(e.event());
            e.claim(note);
            notes.add(note);
        }
        return notes;
    }

    /**
     * The finding joins {@code found} by {@code how}; {@code current} is what it joined so far (null: none).
     * A clause is recorded only when it brings in an incident the finding had not reached already.
     */
    private static IncidentDraft join(IncidentDraft current, IncidentDraft found, Clause how) {
        IncidentDraft root = found.root();
        if (current == null) {
            root.joinedBy(how);
            return root;
        }
        IncidentDraft joined = current.root();
        return joined == root ? joined : IncidentDraft.union(joined, root, how);
    }

    /**
     * The incidents, ordered by severity, then time, then id; {@code addresses} places their pages (null
     * places none) and {@code clockNotes} (input → how its clock was aligned) fills their {@code clock}.
     */
    public List<Built> build(AddressMap addresses, Map<String, ClockNote> clockNotes) {
        List<IncidentDraft> roots = drafts.stream().filter(IncidentDraft::isRoot)
                .sorted(Comparator.comparing(d -> d.tally().first())).toList();
        List<Built> built = new ArrayList<>();
        for (IncidentDraft d : roots) {
            built.add(new Built(IncidentAssembly.assemble(d, addresses, clockNotes), d.joins(), d.tally().first()));
        }
        built = uniqueIds(built);
        built.sort(Comparator.comparingInt((Built b) -> Severity.parse(b.incident().severity()).orElseThrow().ordinal())
                .thenComparing(Built::first, IncidentBuilder::compareTime)
                .thenComparing(b -> b.incident().id()));
        return built;
    }

    /**
     * Two incidents with the same keys (two unrelated crashes in one untimed boot, say) would share an
     * id; each of them gets the hash of its id and its first evidence line's text and position within
     * the boot, so ids stay unique and still do not depend on file names or input order.
     */
    private static List<Built> uniqueIds(List<Built> built) {
        Map<String, Integer> seen = new HashMap<>();
        built.forEach(b -> seen.merge(b.incident().id(), 1, Integer::sum));
        List<Built> out = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (Built b : built) {
            Incident i = b.incident();
            if (seen.get(i.id()) == 1) {
                out.add(b);
                continue;
            }
            Origin first = b.first();
            String base = IncidentAssembly.hash(i.id() + "|" + first.sortMicros() + "|" + first.wall() + "|" + first.text());
            int n = used.merge(base, 1, Integer::sum);
            out.add(new Built(i.withId(n == 1 ? base : IncidentAssembly.hash(base + "|" + n)), b.joinedBy(), first));
        }
        return out;
    }

    /** Timeline order without the input index, so the order of inputs does not matter. */
    private static int compareTime(Origin a, Origin b) {
        int c = Integer.compare(a.boot(), b.boot());
        return c != 0 ? c : Long.compare(a.sortMicros(), b.sortMicros());
    }
}
