package dev.daxray.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bound rules, in the order their files and definitions were given, and the regular expressions
 * their conditions test (to report tests that gave up on their step budget).
 */
public record RuleSet(List<BoundRule> rules, List<Regex> regexes) {

    /** A rule's {@code matches} pattern and where it is written. */
    public record Regex(Pos pos, BoundedRegex regex) {
    }

    public RuleSet {
        rules = List.copyOf(rules);
        regexes = List.copyOf(regexes);
    }

    /**
     * One line per pattern that gave up on some text (too many steps: counted as no match), e.g.
     * {@code t.rules:3:14: [(a|a)*b] gave up on 2 texts after its step budget; counted as no match}.
     */
    public List<String> abandonedRegexes() {
        return regexes.stream().filter(r -> r.regex().abandoned() > 0)
                .map(r -> r.pos().location() + ": [" + r.regex().source() + "] gave up on " + r.regex().abandoned()
                        + " text" + (r.regex().abandoned() == 1 ? "" : "s") + " after its step budget; counted as no match")
                .toList();
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
