package dev.daxray.matches;

import java.util.List;

import dev.daxray.events.Hex;
import dev.daxray.rules.BoundRule;
import dev.daxray.rules.BoundStep;
import dev.daxray.rules.Fact;

/**
 * How a near miss reads: "mce physAddr 0x6350a00 (dmesg.log:1), but no memory-failure with the same pfn
 * within 10s".
 */
final class MissText {

    private final BoundRule rule;

    MissText(BoundRule rule) {
        this.rule = rule;
    }

    /** Why {@code p} ended with {@code check}; {@code why} names what ended it when not its window. */
    String ended(Partial p, Check check, BoundStep missing, String why) {
        if (check == Check.THRESHOLD) {
            return first(p) + ", but " + missing.pattern().text() + " was seen " + p.matched.get(missing.index()).size()
                    + " of " + missing.minCount() + " times within " + rule.windowText();
        }
        if (why == null) {
            return first(p) + ", but no " + step(missing) + " within " + rule.windowText();
        }
        return first(p) + ", but " + why + " with no " + step(missing)
                + (rule.windowText() == null || rule.windowText().isEmpty() ? "" : " (window " + rule.windowText() + ")");
    }

    String first(Partial p) {
        List<Fact> evidence = p.evidence();
        return evidence.isEmpty() ? rule.name() : fact(evidence.get(0));
    }

    String step(BoundStep step) {
        String keys = rule.keyNames().isEmpty() ? "" : " with the same " + String.join(", ", rule.keyNames());
        return step.pattern().text() + keys;
    }

    String fact(Fact fact) {
        StringBuilder out = new StringBuilder(fact.isFinding() ? "finding " + fact.type() : fact.type());
        // the address as printed comes before the page daxray derives from it
        for (String field : new String[] {"physAddr", "pfn", "device", "comm"}) {
            Object value = fact.field(field);
            if (value != null) {
                out.append(' ').append(field).append(' ').append(value instanceof Hex h ? h.toString() : value);
                break;
            }
        }
        return out.append(" (").append(fact.origin().location()).append(')').toString();
    }
}
