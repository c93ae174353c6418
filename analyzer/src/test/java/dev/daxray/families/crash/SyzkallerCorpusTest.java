package dev.daxray.families.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.devices.SharedCorpus;
import dev.daxray.events.Crash;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * Titles of syzkaller's own report corpus ({@code ../shared/corpus/syzkaller}: two thirds of
 * {@code pkg/report/testdata/linux/report}, see its README). Each file's console log is read the way
 * {@code daxray events} reads a capture (the timeline's scanner: prefilter, line prefixes, boots, every
 * family), and the first crash report (the earliest line) is compared with the file's {@code TITLE:} or
 * one of its {@code ALT:} titles, white space collapsed.
 *
 * <p>What is counted, following syzkaller's own test of this corpus (report_test.go): a file with a title
 * contains a crash, also when it is {@code CORRUPTED: Y} (syzkaller still titles it, marking it corrupted)
 * or {@code SUPPRESSED: Y} (the crash is real; syzkaller's manager only files no bug for it). So:
 * <ul>
 *   <li><b>detection</b> and <b>exact title</b> are measured on titled files that are not corrupted
 *       (suppressed ones included); a corrupted report's title is often cut and is not compared;</li>
 *   <li>corrupted files only report whether a crash was found and flagged corrupted;</li>
 *   <li>a file without a title must yield no crash at all.</li>
 * </ul>
 * The figures are printed; the test holds detection ≥ 95 %, exact titles ≥ 90 % and no false crash.
 */
class SyzkallerCorpusTest {

    private static final double MIN_DETECTION = 0.95;
    private static final double MIN_EXACT = 0.90;

    /** One test file: its header fields and its console log. */
    private record Case(String name, String title, List<String> alts, boolean corrupted, byte[] log) {

        boolean titled() {
            return !title.isEmpty();
        }

        boolean accepts(String got) {
            String want = collapse(title);
            return got != null && (collapse(got).equals(want) || alts.stream().anyMatch(a -> collapse(a).equals(collapse(got))));
        }
    }

    @Test
    void titlesAsSyzkallerDoes() throws IOException {
        List<Case> cases = cases();
        int titled = 0;
        int detected = 0;
        int exact = 0;
        int corrupted = 0;
        int corruptedDetected = 0;
        int corruptedFlagged = 0;
        int untitled = 0;
        List<String> falseCrashes = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        Map<String, int[]> byKind = new TreeMap<>();
        for (Case c : cases) {
            Crash crash = firstCrash(c);
            if (!c.titled()) {
                untitled++;
                if (crash != null) {
                    falseCrashes.add(c.name() + ": " + crash.title());
                }
                continue;
            }
            if (c.corrupted()) {
                corrupted++;
                corruptedDetected += crash != null ? 1 : 0;
                corruptedFlagged += crash != null && crash.corrupted() ? 1 : 0;
                if (crash == null) {
                    misses.add(c.name() + ": corrupted report [" + collapse(c.title()) + "] not found");
                }
                continue;
            }
            titled++;
            int[] kind = byKind.computeIfAbsent(expectedKind(c.title()), k -> new int[3]);
            kind[0]++;
            if (crash != null) {
                detected++;
                kind[1]++;
            }
            if (crash != null && c.accepts(crash.title())) {
                exact++;
                kind[2]++;
            } else {
                misses.add(c.name() + ": want [" + collapse(c.title()) + "] got ["
                        + (crash == null ? "no crash" : crash.title()) + "]");
            }
        }
        System.out.printf("syzkaller corpus: %d files; %d titled and not corrupted, %d corrupted, %d untitled%n",
                cases.size(), titled, corrupted, untitled);
        System.out.printf("  detection  %d/%d = %.1f %%%n", detected, titled, 100.0 * detected / titled);
        System.out.printf("  exact title %d/%d = %.1f %%%n", exact, titled, 100.0 * exact / titled);
        System.out.printf("  corrupted reports: %d/%d found, %d flagged corrupted%n", corruptedDetected, corrupted,
                corruptedFlagged);
        System.out.printf("  false crashes in untitled logs: %d/%d %s%n", falseCrashes.size(), untitled, falseCrashes);
        byKind.forEach((kind, n) -> System.out.printf("  %-14s %3d reports, %3d found, %3d exact%n", kind, n[0], n[1],
                n[2]));
        misses.forEach(m -> System.out.println("  miss " + m));

        assertTrue(titled > 0, "no titled report read");
        assertTrue(detected >= MIN_DETECTION * titled, "detection " + detected + "/" + titled);
        assertTrue(exact >= MIN_EXACT * titled, "exact titles " + exact + "/" + titled);
        assertTrue(falseCrashes.isEmpty(), "crashes found in untitled logs: " + falseCrashes);
    }

    /** The crash report that starts first in the log, read as {@code daxray events} reads a capture. */
    private static Crash firstCrash(Case c) {
        CaptureInput input = new CaptureInput(c.name(), () -> new ByteArrayInputStream(c.log()));
        return Timeline.read(List.of(input), ScanOptions.defaults()).events().stream()
                .filter(Crash.class::isInstance).map(Crash.class::cast)
                .min(Comparator.comparingLong(e -> e.origin().line()))
                .orElse(null);
    }

    /** A coarse kind of an expected title, for the breakdown only. */
    private static String expectedKind(String title) {
        String[][] prefixes = {
            {"KASAN", "kasan"}, {"KMSAN", "kmsan"}, {"KCSAN", "kcsan"}, {"KFENCE", "kfence"}, {"UBSAN", "ubsan"},
            {"INFO: task", "hung-task"}, {"INFO: rcu detected stall", "rcu-stall"}, {"possible deadlock", "lockdep"},
            {"inconsistent lock state", "lockdep"}, {"WARNING: suspicious RCU", "lockdep"},
            {"INFO: suspicious RCU", "lockdep"}, {"WARNING: locking bug", "lockdep"}, {"INFO: trying to", "lockdep"},
            {"WARNING", "warning"}, {"memory leak", "memory-leak"}, {"BUG: soft lockup", "lockup"},
            {"BUG: unable to handle", "oops"}, {"general protection fault", "gpf"}, {"kernel BUG", "bug"},
            {"BUG", "bug"}, {"kernel panic", "panic"}};
        for (String[] p : prefixes) {
            if (title.startsWith(p[0])) {
                return p[1];
            }
        }
        return "other";
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    // ------------------------------------------------------------------ reading the corpus

    private static List<Case> cases() throws IOException {
        Path dir = SharedCorpus.shared().resolve("corpus/syzkaller");
        Assumptions.assumeTrue(Files.isDirectory(dir), "syzkaller corpus not present: " + dir);
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("\\d+")).sorted().toList()) {
                cases.add(parse(file));
            }
        }
        Assumptions.assumeFalse(cases.isEmpty(), "syzkaller corpus is empty: " + dir);
        return cases;
    }

    /**
     * Header lines up to the first empty line, then the log, byte for byte (logs hold bytes that are not
     * UTF-8), up to a {@code REPORT:} line after an empty line. Carriage returns are dropped, as syzkaller does.
     */
    private static Case parse(Path file) throws IOException {
        byte[] bytes = withoutCarriageReturns(Files.readAllBytes(file));
        int headerEnd = indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII), 0);
        int logStart = headerEnd < 0 ? bytes.length : headerEnd + 2;
        String title = "";
        List<String> alts = new ArrayList<>();
        boolean corrupted = false;
        String header = headerEnd < 0 ? "" : new String(bytes, 0, headerEnd, StandardCharsets.UTF_8);
        for (String h : header.split("\n")) {
            if (h.startsWith("TITLE:")) {
                title = h.substring("TITLE:".length()).trim();
            } else if (h.startsWith("ALT:")) {
                alts.add(h.substring("ALT:".length()).trim());
            } else if (h.equals("CORRUPTED: Y")) {
                corrupted = true;
            }
        }
        int report = indexOf(bytes, "\n\nREPORT:\n".getBytes(StandardCharsets.US_ASCII), logStart - 1);
        int logEnd = report < 0 ? bytes.length : report + 2;
        byte[] log = java.util.Arrays.copyOfRange(bytes, Math.min(logStart, logEnd), logEnd);
        return new Case(file.getFileName().toString(), title, alts, corrupted, log);
    }

    private static byte[] withoutCarriageReturns(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
        for (byte b : bytes) {
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
