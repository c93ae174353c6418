package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule regexes cannot stall triage: pathological shapes are refused, the rest is step-bounded. */
class RuleRegexBoundTest {

    @TempDir
    Path dir;

    @Test
    void rulesCheckRefusesExponentialPatternsWithTheirPosition() throws Exception {
        Path rules = dir.resolve("slow.rules");
        Files.writeString(rules, "rule slow {\n    severity low\n    group {\n"
                + "        fs-error where message matches \"(.*a){20}Y\"\n    }\n    title \"slow\"\n}\n");
        CliRun check = CliRun.run("rules", "check", rules.toString());
        assertEquals(ExitCodes.USAGE_OR_IO, check.exitCode(), check.out());
        assertTrue(check.err().startsWith(rules + ":4:24: regular expression [(.*a){20}] repeats a group that itself"
                + " repeats [.*]: matching can take exponential time"), check.err());
        CliRun triage = CliRun.run("triage", "--rules", dir.toString(), "-");
        assertEquals(ExitCodes.USAGE_OR_IO, triage.exitCode(), triage.err());
    }

    /** A pattern the check lets through (ambiguous alternatives) on a long message: it gives up, and says so. */
    @Test
    void triageOnALongMessageFinishesAndReportsTheTestThatGaveUp() throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("ambiguous.rules"), "rule ambiguous {\n    severity low\n    group {\n"
                + "        fs-error where message matches \"(a|aa)*z$\"\n    }\n    title \"ambiguous\"\n}\n");
        Path log = dir.resolve("dmesg.log");
        Files.writeString(log, "[    5.000000] EXT4-fs error (device pmem0): ext4_find_entry:1455: inode #2: comm ls: "
                + "reading directory lblock 0 " + "a".repeat(3_000) + "b\n");
        CliRun triage = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.run("triage", "--quiet", "--rules", rules.toString(), log.toString()));
        assertEquals(ExitCodes.OK, triage.exitCode(), triage.err());
        assertTrue(triage.out().startsWith("No incidents."), triage.out());
        assertEquals("daxray: " + rules.resolve("ambiguous.rules") + ":4:24: [(a|aa)*z$] gave up on 1 text after its step"
                + " budget; counted as no match\n", triage.err().replace("\r\n", "\n"));
    }
}
