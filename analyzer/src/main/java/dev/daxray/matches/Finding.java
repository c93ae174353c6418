package dev.daxray.matches;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Origin;
import dev.daxray.rules.BoundRule;
import dev.daxray.rules.EventFact;
import dev.daxray.rules.Fact;

/**
 * What a rule concluded: its kind, the key it joined on, the facts that matched (in timeline order;
 * for rules over findings, the findings); its title, summary and advice are rendered when asked. A finding is
 * itself a {@link Fact}, so rules can read other rules' findings.
 *
 * @param key     the key values, as the first step's key expressions produced them (e.g. a Hex pfn)
 * @param aliases the first fact each named step matched
 */
public record Finding(BoundRule rule, List<Object> key, List<Fact> evidence, Map<String, Fact> aliases,
                      Origin start, Origin end) implements Fact {

    public Finding {
        key = java.util.Collections.unmodifiableList(new ArrayList<>(key));
        evidence = List.copyOf(evidence);
        aliases = Map.copyOf(aliases);
    }

    /**
     * The finding a complete partial match makes: its facts in timeline order, each alias's first fact,
     * the key as the first fact's step computed it, and the texts rendered for the finding alone.
     */
    static Finding of(BoundRule rule, Partial p) {
        List<Fact> evidence = p.evidence();
        Map<String, Fact> aliases = new java.util.HashMap<>();
        for (dev.daxray.rules.BoundStep s : rule.steps()) {
            if (s.alias() != null && !p.matched.get(s.index()).isEmpty()) {
                aliases.put(s.alias(), p.matched.get(s.index()).get(0));
            }
        }
        List<Object> key = new ArrayList<>();
        if (!rule.keyNames().isEmpty()) {
            Fact first = evidence.get(0);
            for (var reader : stepOf(rule, p, first).pattern().keys()) {
                key.add(reader.apply(first));
            }
        }
        return new Finding(rule, key, evidence, aliases, evidence.get(0).origin(),
                evidence.get(evidence.size() - 1).origin());
    }

    /** The first of the rule's steps that matched {@code fact} in {@code p}. */
    private static dev.daxray.rules.BoundStep stepOf(BoundRule rule, Partial p, Fact fact) {
        for (dev.daxray.rules.BoundStep s : rule.steps()) {
            if (p.matched.get(s.index()).contains(fact)) {
                return s;
            }
        }
        throw new IllegalStateException("no step of " + rule.name() + " matched its first fact");
    }

    /** The title for the finding alone (an incident renders its primary's again with the whole incident). */
    public String title() {
        return render(rule.title(), null);
    }

    public String summary() {
        return render(rule.summary(), null);
    }

    public String advice() {
        return render(rule.advice(), null);
    }

    public String kind() {
        return rule.kind();
    }

    @Override
    public String type() {
        return rule.kind();
    }

    @Override
    public boolean isFinding() {
        return true;
    }

    @Override
    public Origin origin() {
        return end;
    }

    /** The events behind this finding, through findings of findings, without duplicates, in order. */
    public List<Event> events() {
        if (evidence.size() == 1 && evidence.get(0) instanceof EventFact only) {
            return List.of(only.event()); // most findings: one line
        }
        List<Event> sorted = new ArrayList<>();
        collect(this, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), sorted);
        sorted.sort(null);
        return sorted;
    }

    /** Each event once, by identity: an event's own hash would walk all its fields. */
    private static void collect(Finding finding, Set<Event> seen, List<Event> into) {
        for (Fact fact : finding.evidence) {
            if (fact instanceof EventFact e) {
                if (seen.add(e.event())) {
                    into.add(e.event());
                }
            } else if (fact instanceof Finding f) {
                collect(f, seen, into);
            }
        }
    }

    @Override
    public Object field(String name) {
        switch (name) {
            case "kind":
                return rule.kind();
            case "rule":
                return rule.name();
            case "severity":
                return rule.severity().label();
            case "count":
                return (long) events().size();
            default:
                break;
        }
        int keyIndex = rule.keyNames().indexOf(name);
        if (keyIndex >= 0) {
            return key.get(keyIndex);
        }
        for (EventSchema.Field common : EventSchema.COMMON) {
            if (common.name().equals(name)) {
                return fieldOfEvents(name);
            }
        }
        return fieldOfEvents(name);
    }

    /**
     * Renders one of this finding's templates. {@code {incident.*}} references read {@code incident}, the
     * incident this finding is the primary of (at match time, the finding alone): {@code processes}
     * ("fio:7712 and fio:7714"), {@code pfns}, {@code pages} ("9 pages from 0x1000 to 0x1008"),
     * {@code devices}, {@code filesystems}, {@code findings} (how many findings of this finding's kind
     * merged) and {@code evidence} (lines). A null {@code incident} is the finding alone, tallied only when a
     * reference needs it.
     */
    public String render(dev.daxray.rules.Template template, IncidentView incident) {
        IncidentView[] view = {incident};
        return template.render(ref -> {
            if ("incident".equals(ref.alias())) {
                if (view[0] == null) {
                    view[0] = EventTally.of(this);
                }
                return incidentField(ref.field(), view[0]);
            }
            if (ref.alias() != null) {
                Fact fact = aliases.get(ref.alias());
                return fact == null ? null : fact.field(ref.field());
            }
            return field(ref.field());
        });
    }

    private Object incidentField(String name, IncidentView incident) {
        return switch (name) {
            case "findings" -> incident.findings(kind());
            case "evidence" -> incident.evidence();
            case "processes" -> incident.processes().text("no process");
            case "pfns" -> incident.pfns().text("none");
            case "pages" -> incident.pages();
            case "devices" -> incident.devices().text("none");
            case "filesystems" -> incident.filesystems().text("none");
            default -> null;
        };
    }

    /** The events behind this finding as the engine holds them (see {@link HeldEvent}), each once. */
    public List<HeldEvent> heldEvents() {
        if (evidence.size() == 1 && evidence.get(0) instanceof HeldEvent only) {
            return List.of(only);
        }
        Set<HeldEvent> held = new LinkedHashSet<>();
        collectHeld(this, held);
        return new ArrayList<>(held);
    }

    private static void collectHeld(Finding finding, Set<HeldEvent> into) {
        for (Fact fact : finding.evidence) {
            if (fact instanceof HeldEvent e) {
                into.add(e);
            } else if (fact instanceof Finding f) {
                collectHeld(f, into);
            }
        }
    }

    /** The first non-null value of {@code name} among the evidence events. */
    Object fieldOfEvents(String name) {
        for (Event event : events()) {
            Object value = EventSchema.get().typeOf(event).field(name).map(f -> f.read(event)).orElse(null);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
