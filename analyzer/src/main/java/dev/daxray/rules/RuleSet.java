package dev.daxray.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Bound rules, in the order their files and definitions were given. */
public record RuleSet(List<BoundRule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        rules.forEach(r -> kinds.add(r.kind()));
        return kinds;
    }

    public Optional<BoundRule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public int layers() {
        return rules.stream().mapToInt(BoundRule::layer).max().orElse(-1) + 1;
    }
}
