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
 * for rules over findings, the findings), and its rendered title, summary and advice. A finding is
 * itself a {@link Fact}, so rules can read other rules' findings.
 *
 * @param key     the key values, as the first step's key expressions produced them (e.g. a Hex pfn)
 * @param aliases the first fact each named step matched
 */
public record Finding(BoundRule rule, List<Object> key, List<Fact> evidence, Map<String, Fact> aliases,
                      Origin start, Origin end, String title, String summary, String advice) implements Fact {

    public Finding {
        key = java.util.Collections.unmodifiableList(new ArrayList<>(key));
        evidence = List.copyOf(evidence);
        aliases = Map.copyOf(aliases);
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
        Set<Event> events = new LinkedHashSet<>();
        collect(this, events);
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(null);
        return sorted;
    }

    private static void collect(Finding finding, Set<Event> into) {
        for (Fact fact : finding.evidence) {
            if (fact instanceof EventFact e) {
                into.add(e.event());
            } else if (fact instanceof Finding f) {
                collect(f, into);
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
