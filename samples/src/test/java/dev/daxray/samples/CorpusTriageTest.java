package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daxray.incidents.Incident;
import dev.daxray.rules.Severity;

/**
 * Triage agrees with the careful triager of each real capture (its expected.json): the incidents'
 * kinds and labels cover its {@code incident_kinds}, except the disagreements listed here with their
 * reason (the same table is in rules/README.md, "Corpus verdicts"); and a NEG case (a look-alike)
 * raises no memory or persistent-memory incident of severity high or critical. Skipped when
 * ../shared is absent.
 */
class CorpusTriageTest {

    /** Case number and kind → why triage does not report that kind from the log. Keep in step with rules/README.md. */
    static final Map<String, String> DISAGREEMENTS = Map.ofEntries(
            Map.entry("008 poison-injection", "the injection is described only in the mail's prose"),
            Map.entry("010 poison-injection", "the QEMU monitor injection is only in the mail's prose"),
            Map.entry("010 mce-uncorrected-memory", "the machine check itself is not in the excerpt (only taint M and the MCE work queue)"),
            Map.entry("012 poison-injection", "the EINJ injection is only in the mail's prose"),
            Map.entry("013 poison-injection", "the EINJ injection is only in the mail's prose"),
            Map.entry("014 poison-injection", "the QEMU injection is only in the mail's prose"),
            Map.entry("014 mce-uncorrected-memory", "an arm64 AEST record is reported as ghes-memory-error (a firmware/RAS memory record), not as an x86 machine check"),
            Map.entry("016 poison-injection", "the EINJ injection is described only in the mail's prose"),
            Map.entry("016 mce-uncorrected-memory", "only 'Machine check events logged' is printed; the MCE record (EDAC lines) was elided by the author"),
            Map.entry("036 poison-injection", "the QEMU injection is only in prose; the log shows an ARM processor cache error, no memory error"),
            Map.entry("039 pmem-unbind", "nothing in the log names the CXL region or its teardown; only the init-killed panic is visible"));

    /** Kinds that say memory or persistent memory failed or was lost. */
    static final Set<String> MEMORY_KINDS = Set.of("mce-uncorrected-memory", "ghes-memory-error", "hwpoison-recovered",
            "hwpoison-failed", "repeat-poison", "sigbus-kill", "dax-poison-consumed", "fs-notify-failure", "pmem-unbind",
            "pre-remove-kill", "media-error-badblocks", "uncorrected-not-handled", "soft-offline");

    static List<Path> cases() throws IOException {
        return Captures.corpusCaseArguments();
    }

    private static List<Incident> incidents(Path caseDir) throws IOException {
        return Captures.triage(Captures.read(Captures.fileInputs(caseDir, Captures.corpusFiles(caseDir)), true)).incidents();
    }

    private static String number(Path caseDir) {
        return caseDir.getFileName().toString().substring(0, 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kindsCoverTheTriagersKinds(Path caseDir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(caseDir));
        JsonNode expected = new ObjectMapper().readTree(caseDir.resolve("expected.json").toFile());
        Set<String> reported = new TreeSet<>();
        for (Incident incident : incidents(caseDir)) {
            reported.add(incident.kind());
            reported.addAll(incident.labels());
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode kind : expected.path("incident_kinds")) {
            if (!reported.contains(kind.asText()) && !DISAGREEMENTS.containsKey(number(caseDir) + " " + kind.asText())) {
                missing.add(kind.asText());
            }
        }
        assertEquals(List.of(), missing, caseDir.getFileName() + " reports " + reported);
        List<String> stale = DISAGREEMENTS.keySet().stream()
                .filter(k -> k.startsWith(number(caseDir) + " ") && reported.contains(k.substring(4))).sorted().toList();
        assertEquals(List.of(), stale, caseDir.getFileName() + " now reports what the disagreements say it does not");
    }

    /**
     * A look-alike must not raise a memory or pmem incident of severity high or critical. A NEG case
     * can still hold a real problem of another kind that its triager lists (033: an unrelated kernel
     * crash; 041: an XFS shutdown caused by a failing NVMe disk); those stay critical, as the issue's
     * severities say, but must not carry a memory or pmem label.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lookAlikesRaiseNoMemoryIncidentOfHighSeverity(Path caseDir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(caseDir) && caseDir.getFileName().toString().contains("-NEG-"));
        JsonNode expected = new ObjectMapper().readTree(caseDir.resolve("expected.json").toFile());
        Set<String> allowed = new TreeSet<>();
        expected.path("incident_kinds").forEach(k -> allowed.add(k.asText()));
        List<String> wrong = new ArrayList<>();
        for (Incident incident : incidents(caseDir)) {
            if (!Severity.parse(incident.severity()).orElseThrow().atLeast(Severity.HIGH)) {
                continue;
            }
            boolean memory = incident.labels().stream().anyMatch(MEMORY_KINDS::contains);
            if (memory || !allowed.contains(incident.kind())) {
                wrong.add(incident.severity() + " " + incident.kind() + " " + incident.labels() + ": " + incident.title());
            }
        }
        assertEquals(List.of(), wrong, caseDir.getFileName().toString());
    }

    @Test
    void everyDisagreementNamesACaseThatExists() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Captures.corpus()));
        Set<String> numbers = new TreeSet<>();
        for (Path c : cases()) {
            numbers.add(number(c));
        }
        List<String> stale = DISAGREEMENTS.keySet().stream().filter(k -> !numbers.contains(k.substring(0, 3))).sorted().toList();
        assertEquals(List.of(), stale);
    }
}
