package dev.daxray.rules.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.rules.BoundRule;
import dev.daxray.rules.Template;

/**
 * An incident title never shows {@code ?} or an empty value: every value a title names that can be missing
 * says in words what is unknown ({@code {m.physAddr|an unknown address}}). Keys and {@code {incident.*}}
 * values are always there; everything else is taken as missing here.
 */
class RuleTitlesTest {

    @Test
    void everyShippedTitleSaysWhatIsUnknownInWords() {
        List<String> bad = new ArrayList<>();
        for (BoundRule rule : RuleSpecTest.SHIPPED.rules()) {
            String title = rule.title().render(ref -> always(rule, ref) ? "X" : null);
            if (title.contains("?") || title.contains("  ") || title.contains("( )") || title.contains(" ,") || title.isBlank()) {
                bad.add(rule.name() + ": " + title);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void missingValuesAreWrittenInTheTemplatesWords() {
        Template t = Template.parse("at {m.physAddr|an unknown address} on {m.cpu}", null, new ArrayList<>());
        assertEquals("at an unknown address on ?", t.render(ref -> null));
        assertEquals("at 0x1000 on 3", t.render(ref -> ref.field().equals("physAddr") ? "0x1000" : "3"));
        assertEquals("at an unknown address on 3", t.render(ref -> ref.field().equals("physAddr") ? "" : "3"),
                "an empty value is missing too");
    }

    private static boolean always(BoundRule rule, Template.Ref ref) {
        return "incident".equals(ref.alias()) || ref.alias() == null
                && (rule.keyNames().contains(ref.field()) || List.of("kind", "severity", "count", "rule").contains(ref.field()));
    }
}
