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

    /** Fields of {@code {incident.*}} references in titles and summaries. */
    public static final java.util.List<String> INCIDENT_FIELDS = List.of("processes", "pfns", "devices", "filesystems",
            "findings", "evidence");

    /**
     * Renders one of this finding's templates. {@code {incident.*}} references read {@code group},
     * the findings of the incident this one is the primary of (at match time, just this finding):
     * {@code processes} ("fio:7712, fio:7714"), {@code pfns}, {@code devices}, {@code filesystems},
     * {@code findings} (how many findings of this finding's kind merged) and {@code evidence} (lines).
     */
    public String render(dev.daxray.rules.Template template, List<Finding> group) {
        return template.render(ref -> {
            if ("incident".equals(ref.alias())) {
                return incidentField(ref.field(), group);
            }
            if (ref.alias() != null) {
                Fact fact = aliases.get(ref.alias());
                return fact == null ? null : fact.field(ref.field());
            }
            return field(ref.field());
        });
    }

    private Object incidentField(String name, List<Finding> group) {
        Set<Event> events = new LinkedHashSet<>();
        group.forEach(f -> events.addAll(f.events()));
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(null);
        switch (name) {
            case "findings":
                return group.stream().filter(f -> f.kind().equals(kind())).count();
            case "evidence":
                return sorted.size();
            case "processes": {
                Set<String> seen = new LinkedHashSet<>();
                for (Event e : sorted) {
                    if (e instanceof dev.daxray.events.Sigbus s && s.comm() != null) {
                        seen.add(s.comm() + ":" + (s.pid() == null ? "?" : s.pid()));
                    }
                }
                return list(seen, "no process");
            }
            case "pfns":
            case "devices":
            case "filesystems": {
                String field = name.equals("pfns") ? "pfn" : name.equals("devices") ? "device" : "fs";
                Set<String> seen = new java.util.TreeSet<>();
                for (Event e : sorted) {
                    Object v = EventSchema.get().typeOf(e).field(field).map(f -> f.read(e)).orElse(null);
                    if (v != null && !(e instanceof dev.daxray.events.Sigbus && field.equals("pfn"))) {
                        seen.add(v.toString());
                    }
                }
                return list(seen, "none");
            }
            default:
                return null;
        }
    }

    /** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
    private static String list(Set<String> values, String none) {
        List<String> all = new ArrayList<>(values);
        if (all.isEmpty()) {
            return none;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.size() <= 4) {
            return String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
        }
        return String.join(", ", all.subList(0, 3)) + " and " + (all.size() - 3) + " more";
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
