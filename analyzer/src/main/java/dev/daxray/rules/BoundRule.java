package dev.daxray.rules;

import java.util.List;

/**
 * A rule whose names all resolved: ready for the engine.
 *
 * @param windowMicros the {@code within} window, or null when only {@code until} bounds the rule
 * @param until        the pattern that ends partial matches, or null
 * @param layer        0 when the rule reads only events; one more than the highest layer of the
 *                     rules whose findings it reads
 */
public record BoundRule(Pos pos, String name, String kind, Severity severity, int rank, List<String> labels,
                        List<String> suppress, List<String> keyNames, Ast.Shape shape, Long windowMicros,
                        String windowText, BoundPattern until, List<BoundStep> steps, Template title,
                        Template summary, Template advice, int layer) {

    public BoundRule {
        labels = List.copyOf(labels);
        suppress = List.copyOf(suppress);
        keyNames = List.copyOf(keyNames);
        steps = List.copyOf(steps);
    }

    /** True when this rule's {@code suppress} clause names {@code other}, by its kind or by its name. */
    public boolean suppresses(BoundRule other) {
        return suppress.contains(other.kind()) || suppress.contains(other.name());
    }

    /** True when the rule completes on one fact and so holds no state. */
    public boolean stateless() {
        return steps.size() == 1 && steps.get(0).minCount() == 1 && !steps.get(0).absent();
    }
}
