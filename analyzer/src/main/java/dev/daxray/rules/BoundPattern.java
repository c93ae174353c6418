package dev.daxray.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A pattern checked against the schema: the source it reads (event type or finding kind), its
 * compiled condition, and how to compute the rule's join key from a matching fact.
 *
 * @param keys   one reader per key of the rule; empty for a global {@code until} that ends every
 *               partial match regardless of key
 * @param source the pattern as written, for {@link #text()}
 */
public record BoundPattern(Pos pos, boolean finding, String type, Predicate<Fact> where,
                           List<Function<Fact, Object>> keys, Ast.Pattern source) {

    public BoundPattern {
        keys = List.copyOf(keys);
    }

    /** Type and condition, without the key. */
    public boolean matches(Fact fact) {
        return fact.isFinding() == finding && fact.type().equals(type) && where.test(fact);
    }

    /**
     * The join key of {@code fact}, values normalised so that a hex pfn and a shifted hex address
     * compare equal; null when a key value is missing (the fact cannot join).
     */
    public List<Object> key(Fact fact) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>(keys.size());
        for (Function<Fact, Object> reader : keys) {
            Object value = Values.normalise(reader.apply(fact));
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /**
     * The pattern as the formatter writes it, for explanations; made when asked, as most patterns
     * never explain anything and formatting all of them was a fifth of binding the rules cold.
     */
    public String text() {
        return RuleFormatter.pattern(source);
    }

    public String describe() {
        return (finding ? "finding " : "") + type;
    }
}
