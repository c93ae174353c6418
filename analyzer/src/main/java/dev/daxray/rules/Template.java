package dev.daxray.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A title, summary or advice text with {@code {name}} references, split once at bind time. A
 * reference is a key ({@code {pfn}}), a step's field ({@code {sig.comm}}), any evidence field
 * ({@code {comm}}: the first evidence that has it) or one of {@code {kind}}, {@code {severity}},
 * {@code {count}} (evidence events). {@code {m.physAddr|an unknown address}} says in words what to
 * write when the value is missing; without such words a missing value shows as {@code ?}.
 */
public record Template(String text, List<Part> parts) {

    public Template {
        parts = List.copyOf(parts);
    }

    public sealed interface Part permits Literal, Ref {
    }

    public record Literal(String text) implements Part {
    }

    /**
     * {@code alias} is null for a plain {@code {field}} reference; {@code missing} is what to write when
     * the value is missing (the words after {@code |}), or null.
     */
    public record Ref(String raw, String alias, String field, String missing) implements Part {
    }

    /** Splits {@code text} at its braces; unbalanced braces are returned as problems at {@code pos}. */
    public static Template parse(String text, Pos pos, List<Problem> problems) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    problems.add(new Problem(pos, "unclosed [{] in text [" + text + "]"));
                    literal.append(text.substring(i));
                    break;
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                String raw = text.substring(i + 1, close).trim();
                int bar = raw.indexOf('|');
                String name = bar < 0 ? raw : raw.substring(0, bar).trim();
                String missing = bar < 0 ? null : raw.substring(bar + 1).trim();
                if (missing != null && missing.isEmpty()) {
                    problems.add(new Problem(pos, "empty words after [|] in [{" + raw + "}]: say what is unknown"));
                }
                int dot = name.indexOf('.');
                parts.add(dot < 0 ? new Ref(raw, null, name, missing)
                        : new Ref(raw, name.substring(0, dot), name.substring(dot + 1), missing));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Template(text, parts);
    }

    public List<Ref> refs() {
        return parts.stream().filter(Ref.class::isInstance).map(Ref.class::cast).toList();
    }

    /**
     * The text with each reference replaced by {@code lookup}'s value; a missing (null or empty) value by
     * the reference's words for it, else {@code ?}.
     */
    public String render(Function<Ref, Object> lookup) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Ref r) {
                Object value = lookup.apply(r);
                String text = value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
                out.append(!text.isBlank() ? text : r.missing() != null ? r.missing() : "?");
            }
        }
        return out.toString();
    }
}
