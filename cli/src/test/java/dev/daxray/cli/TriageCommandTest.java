package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TriageCommandTest {

    /** A corrected GHES record (real case 019's shape): informational only. */
    private static final String CORRECTED = String.join("\n",
            "[ 2335.753234] {2}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 0",
            "[ 2335.753236] {2}[Hardware Error]: It has been corrected by h/w and requires no further action",
            "[ 2335.753237] {2}[Hardware Error]: event severity: corrected",
            "[ 2335.753238] {2}[Hardware Error]:  Error 0, type: corrected",
            "[ 2335.753239] {2}[Hardware Error]:   section_type: memory error",
            "[ 2335.753240] {2}[Hardware Error]:   physical_address: 0x00000008cb743020",
            "");

    @TempDir
    Path dir;

    @Test
    void jsonFollowsTheContractAndIsByteIdenticalAcrossRunsAndPaths() throws IOException {
        Path a = dir.resolve("a.log");
        Files.writeString(a, CORRECTED);
        Path other = Files.createDirectory(dir.resolve("elsewhere")).resolve("b.log");
        Files.writeString(other, CORRECTED);
        CliRun first = CliRun.run("triage", "--quiet", "--format", "json", a.toString());
        CliRun again = CliRun.run("triage", "--quiet", "--format", "json", a.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), again.out());
        JsonNode root = new ObjectMapper().readTree(first.out());
        assertEquals(a.toString(), root.get("inputs").get(0).get("file").asText());
        JsonNode incident = root.get("incidents").get(0);
        assertEquals("ghes-memory-error", incident.get("kind").asText());
        assertEquals("info", incident.get("severity").asText());
        assertEquals("[\"corrected-errors\",\"ghes-memory-error\"]", incident.get("labels").toString());
        JsonNode moved = new ObjectMapper().readTree(CliRun.run("triage", "--quiet", "--format", "json", other.toString()).out());
        assertEquals(incident.get("id"), moved.get("incidents").get(0).get("id"), "the id does not depend on the path");
    }

    @Test
    void openMetricsForTheTextfileCollector() {
        CliRun run = CliRun.run("triage", "--quiet", "--format", "openmetrics",
                TestFleet.samples().resolve("dax-poison-consumed-6x").toString());
        assertEquals(1, run.exitCode(), run.err());     // the high incident still reaches --fail-on
        String text = run.out();
        assertTrue(text.contains("# TYPE daxray_triage_incidents gauge\n"), text);
        assertTrue(text.contains("daxray_triage_incidents{severity=\"critical\"} 0\n"), "every severity, zeros included");
        assertTrue(text.contains("daxray_triage_incidents{severity=\"high\"} 1\n"), text);
        assertTrue(text.contains("daxray_triage_incidents_by_kind{kind=\"dax-poison-consumed\",severity=\"high\"} 1\n"), text);
        assertTrue(text.contains("daxray_triage_lines 88\n") && text.contains("daxray_triage_unparsed_lines 0\n"), text);
        assertTrue(text.matches("(?s).*daxray_triage_last_run_timestamp_seconds \\d{10}\n# EOF\n"), text);
    }

    @Test
    void failOnDecidesTheExitCode() throws IOException {
        Path a = dir.resolve("a.log");
        Files.writeString(a, CORRECTED);
        assertEquals(0, CliRun.run("triage", "--quiet", a.toString()).exitCode());
        CliRun strict = CliRun.run("triage", "--quiet", "--fail-on", "info", a.toString());
        assertEquals(1, strict.exitCode());
        assertTrue(strict.out().startsWith("INFO     Corrected memory errors only: 1 firmware (GHES) record(s)"), strict.out());
        assertEquals(0, CliRun.run("triage", "--quiet", "--min-severity", "low", a.toString()).out().indexOf("No incidents."));
    }

    @Test
    void explainShowsCountersAndNearMisses() throws IOException {
        Path a = dir.resolve("a.log");
        Files.writeString(a, CORRECTED);
        CliRun run = CliRun.run("triage", "--quiet", "--explain", a.toString());
        assertTrue(run.out().contains("ghes-corrected-memory-error: matched 1, started 1, findings 1")
                || run.out().contains("ghes-corrected-memory-error: matched 1, findings 1"), run.out());
    }

    /** A near miss on a bundled sample reads as a sentence: what came, and what followed or never came. */
    @Test
    void explainNamesTheNearMissesOfASample() {
        Path sample = Path.of("../samples/dax-poison-consumed-4.19");
        CliRun run = CliRun.run("triage", "--quiet", "--explain", sample.toString());
        assertEquals(1, run.exitCode(), run.err());
        String log = sample.resolve("kern.log").toString();
        assertTrue(run.out().contains("  uncorrected-not-handled (absence-violated): mce physAddr 0x20cb0d6c0 (" + log
                + ":51) was followed by memory-failure pfn 0x20cb0d (" + log + ":53) within 10s\n"), run.out());
        assertTrue(run.out().contains("  dax-poison-consumed: matched 2, started 1, findings 1\n"), run.out());
    }

    /** The near miss an engineer asks about: an uncorrected MCE and no verdict for its page in time. */
    @Test
    void explainSaysWhichStepNeverCame() throws IOException {
        Path a = dir.resolve("dmesg.log");
        Files.writeString(a, String.join("\n",
                "[  100.000000] mce: Uncorrected hardware memory error in user-access at 6350a00",
                "[  130.000000] mce: [Hardware Error]: Machine check events logged",
                ""));
        CliRun run = CliRun.run("triage", "--quiet", "--explain", a.toString());
        assertTrue(run.out().contains("  mce-handled (window-expired): mce physAddr 0x6350a00 (" + a
                + ":1), but no memory-failure with the same pfn within 10s\n"), run.out());
        assertTrue(run.out().startsWith("MEDIUM   Uncorrected memory error at 0x6350a00 that no memory_failure() verdict followed"),
                run.out());
    }

    @Test
    void rulesCheckReportsEveryProblemWithPositions() throws IOException {
        Path rules = dir.resolve("mine.rules");
        Files.writeString(rules, "rule a { severity hihg group { mcee } }\n");
        CliRun run = CliRun.run("rules", "check", rules.toString());
        assertEquals(2, run.exitCode());
        assertEquals(rules + ":1:19: unknown severity [hihg]; expected one of: critical, high, medium, low, info;"
                + " did you mean [high]?\n" + rules + ":1:32: unknown event type [mcee]; did you mean [mce]?\n", run.err());
    }

    @Test
    void rulesListAndFmt() throws IOException {
        CliRun list = CliRun.run("rules", "list");
        assertEquals(0, list.exitCode());
        assertTrue(list.out().contains("dax-poison-consumed"), list.out());
        Path rules = dir.resolve("mine.rules");
        Files.writeString(rules, "rule a{severity high group{mce where bank==3}}");
        CliRun fmt = CliRun.run("rules", "fmt", rules.toString());
        assertEquals("rule a {\n    severity high\n    group {\n        mce where bank == 3\n    }\n}\n", fmt.out());
    }

    @Test
    void aHostBundleNamesTheSectorAndBadblockOfThePoisonedPage() throws IOException {
        String bundle = "../samples/pmem-badblock-bundle-ndctl-v62";
        CliRun text = CliRun.run("triage", "--color", "never", bundle);
        assertEquals(1, text.exitCode(), text.err());
        assertTrue(text.out().contains("  location: pfn 0x219c200: namespace0.0 sector 1048576 (region0 sector 9310208),"
                + " listed badblock namespace0.0 offset 1048576 length 8"), text.out());
        assertTrue(text.out().contains("pfn 0x219c200 is namespace0.0 sector 1048576 (region0 sector 9310208), listed as a"
                + " media error"), text.out());
        assertTrue(text.out().contains("`ndctl clear-errors namespace0.0`"), text.out());

        CliRun json = CliRun.run("triage", "--format", "json", bundle);
        JsonNode location = new ObjectMapper()
                .readTree(json.out()).get("incidents").get(0).get("locations").get(0);
        assertEquals("namespace0.0", location.get("namespace").asText());
        assertEquals(1048576, location.get("sector").asLong());
        assertEquals(9310208, location.get("regionSector").asLong());
        assertEquals(1048576, location.get("badblock").get("offset").asLong());
        assertEquals(8, location.get("badblock").get("length").asLong());
        assertTrue(location.get("listed").asBoolean());
        assertTrue(location.get("needed").isNull());
    }
}
