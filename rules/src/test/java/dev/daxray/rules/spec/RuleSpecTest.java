package dev.daxray.rules.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daxray.events.Event;
import dev.daxray.incidents.Clause;
import dev.daxray.incidents.Incident;
import dev.daxray.incidents.IncidentBuilder;
import dev.daxray.matches.Engine;
import dev.daxray.matches.Finding;
import dev.daxray.rules.BoundRule;
import dev.daxray.rules.RuleLoader;
import dev.daxray.rules.RuleSet;

/** One test per spec case: the shipped rules over the drawn timeline, findings and incidents compared whole. */
class RuleSpecTest {

    static final Path SPECS = Path.of("src/test/resources/specs");
    static final RuleSet SHIPPED = RuleLoader.load(RuleLoader.shipped());

    static List<RuleSpec> cases() throws IOException {
        return RuleSpec.readAll(SPECS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void spec(RuleSpec spec) {
        List<Event> events = new ArrayList<>(spec.events());
        events.sort(null);
        IncidentBuilder builder = new IncidentBuilder();
        Engine.Result result = new Engine(SHIPPED).run(events, builder);
        List<IncidentBuilder.Built> built = builder.build(null, Map.of());
        List<String> findings = result.findings().stream().map(RuleSpecTest::finding).sorted().toList();
        List<String> incidents = built.stream().map(b -> incident(b.incident())).toList();
        String actual = "findings:\n" + lines(findings) + "incidents:\n" + lines(incidents);
        String expected = "findings:\n" + lines(spec.findings().stream().sorted().toList()) + "incidents:\n"
                + lines(spec.incidents());
        Set<String> fired = result.findings().stream().filter(f -> !result.suppressed().contains(f))
                .map(f -> f.rule().name()).collect(Collectors.toSet());
        Set<String> joined = built.stream().flatMap(b -> b.joinedBy().stream()).map(c -> "join:" + c.label())
                .collect(Collectors.toSet());
        for (String rule : spec.rules()) {
            if (rule.startsWith("join:")) {
                assertTrue(CLAUSES.contains(rule), "spec names unknown merge clause " + rule + "; known: " + CLAUSES);
                assertEquals(spec.positive(), joined.contains(rule),
                        rule + (spec.positive() ? " must join findings" : " must not join findings") + " in " + spec.name());
                continue;
            }
            assertTrue(SHIPPED.rule(rule).isPresent(), "spec names unknown rule " + rule);
            assertEquals(spec.positive(), fired.contains(rule),
                    rule + (spec.positive() ? " must fire" : " must not fire") + " in " + spec.name());
        }
        if (Boolean.getBoolean("daxray.regenerate") && !expected.equals(actual)) {
            RuleSpec.rewrite(SPECS.resolve(spec.file()), spec.header(), findings, incidents);
            return;
        }
        assertEquals(expected, actual, spec.file() + ":" + spec.line());
    }

    /** The merge policy's clauses as spec headers name them: {@code join:page-range}. */
    static final Set<String> CLAUSES = Arrays.stream(Clause.values()).map(c -> "join:" + c.label())
            .collect(Collectors.toCollection(TreeSet::new));

    /**
     * Every shipped rule and every merge clause has at least one case where it fires (joins findings) and
     * one look-alike where it does not. A rule "fires" when a finding of it survives suppression; the
     * findings list shows them all.
     */
    @Test
    void everyShippedRuleAndMergeClauseHasPositiveAndNegativeCases() throws IOException {
        Set<String> positive = new TreeSet<>();
        Set<String> negative = new TreeSet<>();
        for (RuleSpec spec : cases()) {
            (spec.positive() ? positive : negative).addAll(spec.rules());
        }
        List<String> missing = new ArrayList<>();
        List<String> names = new ArrayList<>(SHIPPED.rules().stream().map(BoundRule::name).toList());
        names.addAll(CLAUSES);
        for (String name : names) {
            if (!positive.contains(name)) {
                missing.add(name + " +");
            }
            if (!negative.contains(name)) {
                missing.add(name + " -");
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The rule language has no shared definitions: the two crash-after-removal rules keep one crash condition. */
    @Test
    void theCrashAfterRemovalRulesShareOneCrashCondition() {
        String loss = SHIPPED.rule("crash-after-pmem-loss").orElseThrow().steps().get(1).pattern().text();
        String removal = SHIPPED.rule("crash-after-device-removal").orElseThrow().steps().get(1).pattern().text();
        assertEquals(loss, removal);
    }

    static String finding(Finding f) {
        return f.rule().name() + " " + f.events().stream().map(e -> Long.toString(e.origin().line()))
                .collect(Collectors.joining(","));
    }

    static String incident(Incident i) {
        StringBuilder out = new StringBuilder(i.kind() + " " + i.severity());
        if (!i.labels().equals(List.of(i.kind()))) {
            out.append(" labels=").append(String.join(",", i.labels()));
        }
        if (!i.pfns().isEmpty()) {
            out.append(" pfns=").append(String.join(",", i.pfns()));
        }
        if (i.pageCount() != null) {
            out.append(" pages=").append(i.pageCount()).append(" range=").append(i.pfnRange().first()).append('-')
                    .append(i.pfnRange().last());
        }
        if (!i.processes().isEmpty()) {
            out.append(" processes=").append(i.processes().stream().map(Incident.Process::toString).collect(Collectors.joining(",")));
        }
        if (!i.devices().isEmpty()) {
            out.append(" devices=").append(String.join(",", i.devices()));
        }
        return out.toString();
    }

    private static String lines(List<String> lines) {
        return lines.stream().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }
}
