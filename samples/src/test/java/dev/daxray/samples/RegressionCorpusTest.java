package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daxray.incidents.DataLoss;
import dev.daxray.incidents.Incident;
import dev.daxray.rules.RuleLoader;
import dev.daxray.rules.RuleSet;
import dev.daxray.rules.Severity;

/**
 * The regression corpus of issue 13: samples whose README ends with a {@code ## Verdict} block saying
 * whether the capture is a look-alike (not DAX data loss, though it looks like it), how many root causes
 * it holds, which incident kinds a careful triager names and (optionally, {@code - absent:}) which ones the
 * capture rules out. Triage must name every one of those kinds (recall) and none of the ruled-out ones, raise
 * no more incidents than root causes, and never raise a data-loss alarm
 * ({@link DataLoss}) on a look-alike, here or in a NEG case of ../shared/corpus/real.
 */
class RegressionCorpusTest {

    /** What a sample's README says about it. */
    record Verdict(Path caseDir, boolean lookAlike, int rootCauses, List<String> kinds, List<String> absent) {

        private static final Pattern LOOK_ALIKE = Pattern.compile("(?m)^- look-alike: (yes|no)$");
        private static final Pattern ROOT_CAUSES = Pattern.compile("(?m)^- root causes: (\\d+)$");
        private static final Pattern KINDS = Pattern.compile("(?m)^- kinds: (.+)$");
        private static final Pattern ABSENT = Pattern.compile("(?m)^- absent: (.+)$");

        static Optional<Verdict> of(Path caseDir) throws IOException {
            Path readme = caseDir.resolve("README.md");
            if (!Files.isRegularFile(readme)) {
                return Optional.empty();
            }
            String text = Files.readString(readme);
            int block = text.indexOf("\n## Verdict\n");
            if (block < 0) {
                return Optional.empty();
            }
            String verdict = text.substring(block);
            Matcher absent = ABSENT.matcher(verdict);
            return Optional.of(new Verdict(caseDir, field(LOOK_ALIKE, verdict, caseDir).equals("yes"),
                    Integer.parseInt(field(ROOT_CAUSES, verdict, caseDir)), list(field(KINDS, verdict, caseDir)),
                    absent.find() ? list(absent.group(1)) : List.of()));
        }

        private static List<String> list(String kinds) {
            return kinds.equals("none") ? List.of() : Arrays.stream(kinds.split(",\\s*")).toList();
        }

        private static String field(Pattern pattern, String verdict, Path caseDir) {
            Matcher m = pattern.matcher(verdict);
            if (!m.find()) {
                throw new AssertionError(caseDir.resolve("README.md") + ": the Verdict block lacks " + pattern.pattern());
            }
            return m.group(1);
        }

        @Override
        public String toString() {
            return caseDir.getFileName().toString();
        }
    }

    static List<Verdict> verdicts() throws IOException {
        List<Verdict> verdicts = new ArrayList<>();
        for (Path caseDir : Captures.sampleCases()) {
            Verdict.of(caseDir).ifPresent(verdicts::add);
        }
        return verdicts;
    }

    static List<Verdict> lookAlikes() throws IOException {
        return verdicts().stream().filter(Verdict::lookAlike).toList();
    }

    static List<Path> corpusCases() throws IOException {
        return Captures.corpusCaseArguments();
    }

    private static List<Incident> incidents(Path caseDir) {
        return Captures.triage(Captures.read(Captures.sampleInputs(caseDir), true)).incidents();
    }

    private static String describe(Incident incident) {
        return incident.severity() + " " + incident.kind() + " " + incident.labels() + ": " + incident.title();
    }

    @Test
    void theCorpusHasTenLookAlikesAndFivePositives() throws IOException {
        List<Verdict> verdicts = verdicts();
        long lookAlikes = verdicts.stream().filter(Verdict::lookAlike).count();
        assertTrue(lookAlikes >= 10, "look-alike samples with a Verdict: " + lookAlikes);
        assertTrue(verdicts.size() - lookAlikes >= 5, "positive samples with a Verdict: " + (verdicts.size() - lookAlikes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void noMoreIncidentsThanRootCauses(Verdict verdict) {
        List<Incident> incidents = incidents(verdict.caseDir());
        assertTrue(incidents.size() <= verdict.rootCauses(), verdict + " states " + verdict.rootCauses()
                + " root cause(s) but triage raised " + incidents.stream().map(RegressionCorpusTest::describe).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void everyKindTheTriagerNamesIsReported(Verdict verdict) {
        Set<String> reported = new TreeSet<>();
        for (Incident incident : incidents(verdict.caseDir())) {
            reported.add(incident.kind());
            reported.addAll(incident.labels());
        }
        List<String> missing = verdict.kinds().stream().filter(k -> !reported.contains(k)).toList();
        assertEquals(List.of(), missing, verdict + " reports " + reported);
        List<String> wrong = verdict.absent().stream().filter(reported::contains).toList();
        assertEquals(List.of(), wrong, verdict + " names kinds its README rules out; it reports " + reported);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void aLookAlikeRaisesNoDataLossAlarm(Verdict verdict) {
        List<String> alarms = incidents(verdict.caseDir()).stream().filter(DataLoss::alarm)
                .map(RegressionCorpusTest::describe).toList();
        assertEquals(List.of(), alarms, verdict.toString());
    }

    /**
     * An injection recognised in a look-alike is said to be one: the summary says "injected: not a
     * hardware fault" and the severity stays below high, whatever the test's kills look like.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void anInjectionIsReportedAsATestNotAFault(Verdict verdict) {
        List<String> wrong = new ArrayList<>();
        for (Incident incident : incidents(verdict.caseDir())) {
            boolean injected = incident.kind().equals(DataLoss.INJECTION) || incident.labels().contains(DataLoss.INJECTION);
            if (injected && (!incident.summary().contains("injected: not a hardware fault")
                    || Severity.parse(incident.severity()).orElseThrow().atLeast(Severity.HIGH))) {
                wrong.add(describe(incident) + " / " + incident.summary());
            }
        }
        assertEquals(List.of(), wrong, verdict.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusCases")
    void aNegativeRealCaseRaisesNoDataLossAlarm(Path caseDir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(caseDir) && caseDir.getFileName().toString().contains("-NEG-"));
        List<String> alarms = Captures.triage(Captures.read(Captures.fileInputs(caseDir, Captures.corpusFiles(caseDir)), true))
                .incidents().stream().filter(DataLoss::alarm).map(RegressionCorpusTest::describe).toList();
        assertEquals(List.of(), alarms, caseDir.getFileName().toString());
    }

    /** The data-loss list names only kinds the shipped rules can report, so it cannot silently go stale. */
    @Test
    void everyDataLossKindIsOneTheShippedRulesReport() {
        RuleSet rules = RuleLoader.load(RuleLoader.shipped());
        Set<String> reportable = new TreeSet<>(rules.kinds());
        rules.rules().forEach(r -> reportable.addAll(r.labels()));
        List<String> unknown = DataLoss.KINDS.stream().filter(k -> !reportable.contains(k)).sorted().toList();
        assertEquals(List.of(), unknown);
    }
}
