package dev.daxray.matches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.DeviceRemove;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Origin;
import dev.daxray.events.Sigbus;
import dev.daxray.rules.RuleException;
import dev.daxray.rules.RuleLoader;
import dev.daxray.rules.RuleSet;

/**
 * The engine as a stream: suppression decided when the suppressor's outcome is known (before or after the
 * finding it suppresses), rules over findings fed as findings conclude, and state bounded by the rules.
 */
class EngineStreamingTest {

    private static RuleSet rules(String text) {
        return RuleLoader.load(List.of(new RuleLoader.RuleText("t.rules", text)));
    }

    private static int line;

    private static Origin at(double seconds) {
        long micros = Math.round(seconds * 1_000_000);
        line++;
        return new Origin("t.log", 0, line, line, "line " + line, micros, micros, null, 0, null, null);
    }

    private static Sigbus sigbus(double seconds, long pfn) {
        return new Sigbus(at(seconds), new Hex(pfn), "fio", 7712, "sigbus", null);
    }

    private static final String KILLS = """
            rule kill { severity high group { s: sigbus } }
            rule removal {
                severity high
                suppress kill
                sequence within 10s {
                    rm: device-remove
                    s: sigbus
                    optional more: sigbus count >= 1000
                }
            }
            """;

    /** Findings kept and suppressed, by rule name. */
    private record Seen(List<String> kept, List<String> suppressed) {
    }

    private static Seen run(RuleSet rules, List<Event> events) {
        List<String> kept = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        Engine.Session session = new Engine(rules).start(new Engine.Listener() {
            @Override
            public void kept(Finding finding) {
                kept.add(finding.rule().name() + "@" + finding.start().line());
            }

            @Override
            public void suppressed(Finding finding) {
                suppressed.add(finding.rule().name() + "@" + finding.start().line());
            }
        });
        events.forEach(session::offer);
        session.finish();
        return new Seen(kept, suppressed);
    }

    @Test
    void aSuppressorThatConcludesLaterStillSuppressesEveryKillItTook() {
        line = 0;
        List<Event> events = new ArrayList<>();
        events.add(sigbus(1, 0x10));                                   // before the removal: a real kill
        events.add(new DeviceRemove(at(5), "pmem0", "xfs", "Device is about to be removed!"));
        for (int i = 0; i < 50; i++) {
            events.add(sigbus(5.1 + i * 0.01, 0x1000 + i));            // taken by the removal's optional step
        }
        events.add(sigbus(30, 0x20));                                  // after its window: a real kill again
        Seen seen = run(rules(KILLS), events);
        assertEquals(List.of("kill@1", "kill@53", "removal@2"), seen.kept().stream().sorted().toList());
        assertEquals(50, seen.suppressed().size(), seen.toString());
    }

    @Test
    void aPartialMatchThatNeverCompletesSuppressesNothing() {
        line = 0;
        RuleSet rules = rules("""
                rule kill { severity high group { s: sigbus } }
                rule pair {
                    severity high
                    suppress kill
                    group within 10s {
                        s: sigbus
                        mf: memory-failure
                    }
                }
                """);
        Seen seen = run(rules, List.of(sigbus(1, 0x10), sigbus(20, 0x11)));
        assertEquals(List.of("kill@1", "kill@2"), seen.kept(), "each waited for the pair's window, then was kept");
        Seen paired = run(rules, List.of(sigbus(1, 0x10), new MemoryFailure(at(2), new Hex(0x10), "dax page", "Recovered")));
        assertEquals(List.of("kill@3"), paired.suppressed(), "the verdict completed the pair after the kill");
    }

    @Test
    void suppressingARuleByNameLeavesTheOtherRulesOfItsKind() {
        line = 0;
        RuleSet rules = rules("""
                rule kill { severity high group { s: sigbus } }
                rule flood { kind kill severity high group within 10s { s: sigbus count >= 2 } }
                rule pair {
                    severity high
                    suppress flood
                    group within 10s {
                        s: sigbus
                        mf: memory-failure
                    }
                }
                """);
        Seen seen = run(rules, List.of(sigbus(1, 0x10), sigbus(1.5, 0x11),
                new MemoryFailure(at(2), new Hex(0x10), "dax page", "Recovered")));
        assertEquals(List.of("flood@1"), seen.suppressed(), seen.toString());
        assertEquals(List.of("kill@1", "kill@2", "pair@1"), seen.kept().stream().sorted().toList(),
                "the kills, of the flood's kind, stay");
    }

    @Test
    void rulesOverFindingsSeeEachFindingWhenItConcludes() {
        line = 0;
        RuleSet rules = rules("""
                rule kill { severity high group { s: sigbus } }
                rule two-kills { severity high group within 10s { finding kill count >= 2 } }
                """);
        Seen seen = run(rules, List.of(sigbus(1, 0x10), sigbus(2, 0x11), sigbus(30, 0x12)));
        assertTrue(seen.kept().contains("two-kills@1"), seen.toString());
        assertEquals(1, seen.kept().stream().filter(k -> k.startsWith("two-kills")).count());
    }

    @Test
    void openPartialMatchesOfOneRuleAreBounded() {
        line = 0;
        RuleSet rules = rules("""
                rule pair { severity high by pfn group within 1h { s: sigbus
                                                                     mf: memory-failure } }
                """);
        List<Event> events = new ArrayList<>();
        int pages = RuleMatcher.OPEN_LIMIT + 10;
        for (int i = 0; i < pages; i++) {
            events.add(sigbus(1 + i * 0.001, 0x100000 + i));
        }
        events.add(new MemoryFailure(at(100), new Hex(0x100000 + pages - 1), "dax page", "Recovered"));
        Engine.Session session = new Engine(rules).start(f -> { });
        events.forEach(session::offer);
        Engine.Result result = session.finish();
        assertEquals(10L, result.counters().get("pair").get(Check.EVICTED), "the ten oldest were ended");
        assertEquals(1L, result.counters().get("pair").get(Check.FINDING), "the newest still pairs");
    }

    @Test
    void aCountAbovePartialMatchCapacityIsRefused() {
        RuleException e = assertThrows(RuleException.class, () -> rules(
                "rule a { severity high group within 10s { s: sigbus count >= 1000000 } }"));
        assertEquals("t.rules:1:43: count [1000000] is more than a partial match keeps; the largest is 10000",
                e.getMessage());
    }
}
