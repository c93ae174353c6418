package dev.daxray.rules.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;
import dev.daxray.incidents.Incident;
import dev.daxray.incidents.IncidentBuilder;
import dev.daxray.matches.Engine;
import dev.daxray.rules.Severity;

/**
 * The injection policy (rules/README.md, "Injection") over every spec case: an incident with evidence of
 * injection says "injected: not a hardware fault" and is at most low, unless it is a kernel crash (whose
 * severity stays); an incident without that evidence never says so.
 */
class InjectionPolicyTest {

    private static final String NOTE = "injected: not a hardware fault";

    @Test
    void everyIncidentWithInjectionEvidenceSaysSoAndDropsItsSeverity() throws IOException {
        int injected = 0;
        int crashes = 0;
        for (RuleSpec spec : RuleSpecTest.cases()) {
            List<Event> events = new ArrayList<>(spec.events());
            events.sort(null);
            IncidentBuilder builder = new IncidentBuilder();
            new Engine(RuleSpecTest.SHIPPED).run(events, builder);
            for (IncidentBuilder.Built b : builder.build(null, Map.of())) {
                Incident i = b.incident();
                String where = spec.file() + ":" + spec.line() + " " + i.kind() + ": " + i.summary();
                if (!i.labels().contains("poison-injection")) {
                    assertFalse(i.summary().contains(NOTE), where);
                    continue;
                }
                injected++;
                assertTrue(i.summary().endsWith("The error was " + NOTE + ".")
                        || i.summary().endsWith("The error was " + NOTE + "; the crash is a kernel bug all the same."), where);
                Severity severity = Severity.parse(i.severity()).orElseThrow();
                if (i.kind().equals("kernel-crash")) {
                    crashes++;
                    assertTrue(i.summary().contains("kernel bug"), where);
                } else {
                    assertFalse(severity.atLeast(Severity.MEDIUM), where + " is " + i.severity());
                }
            }
        }
        assertTrue(injected >= 8, "the specs hold incidents with injection evidence: " + injected);
        assertEquals(1, crashes, "one spec case is a crash while injecting");
    }
}
