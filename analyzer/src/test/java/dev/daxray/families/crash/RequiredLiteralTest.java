package dev.daxray.families.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.daxray.devices.SharedCorpus;

/** The text a title pattern requires must be in every match, or a report would lose its title. */
class RequiredLiteralTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "WARNING: .*lib/debugobjects\\.c.* (?:debug_print|debug_check|at) => lib/debugobjects.c",
            "WARNING: possible circular locking dependency detected => WARNING: possible circular locking dependency detected",
            "BUG: KASAN: ([a-z\\-]+) in (\\w+) => \"BUG: KASAN: \"",
            "abc+d => ab",
            "ab?cd => cd",
            "xy{2,3}z => x",
            "a\\pLbc => bc",
            "kernel \\p{XDigit}+ at => \"kernel \"",
            "[a-z]+ stack \\[<\\w+>\\] end => \" stack [<\"",
            "one|two => \"\"",
            "(?i)warning: x => \"\"",
            "(?<=a)bcd => \"\"",
            "\\x41BCD => \"\"",
            "\\QBUG:\\E x => \"\"",
            "(a)\\1 tail => \"\"",
            "[]x] abc => \"\"",
            "a]b cd => a]b cd"})
    void findsTheLongestRunEveryMatchHas(String regex, String expected) {
        assertEquals(expected, RequiredLiteral.of(Pattern.compile(regex.strip())));
    }

    @Test
    void flagsGiveNothing() {
        assertEquals("", RequiredLiteral.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE)));
    }

    /** Nearly every shipped title pattern has text to look for, or the shortcut would buy nothing. */
    @Test
    void mostShippedTitlesRequireText() {
        List<ReportFormat> formats = shippedFormats();
        long with = formats.stream().filter(f -> f.requires().length() >= 4).count();
        assertTrue(with >= formats.size() * 9 / 10, with + " of " + formats.size());
    }

    /**
     * On syzkaller's corpus (real console logs of every report kind), every match of every shipped title
     * pattern holds its required text.
     */
    @Test
    void everyMatchInTheCorpusHoldsItsRequiredText() throws IOException {
        Path dir = SharedCorpus.shared().resolve("corpus/syzkaller");
        Assumptions.assumeTrue(Files.isDirectory(dir), "syzkaller corpus not present: " + dir);
        List<ReportFormat> formats = shippedFormats();
        int matches = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (ReportFormat format : formats) {
                    Matcher m = format.title().matcher(text);
                    while (m.find()) {
                        matches++;
                        assertTrue(m.group().contains(format.requires()),
                                file + ": " + format.title() + " matched [" + m.group() + "] without [" + format.requires() + "]");
                    }
                }
            }
        }
        assertTrue(matches > 1000, "matches checked: " + matches);
    }

    private static List<ReportFormat> shippedFormats() {
        List<ReportFormat> formats = new ArrayList<>();
        Arrays.stream(ReportHeader.values()).forEach(h -> formats.addAll(h.formats()));
        return formats.stream().distinct().toList();
    }
}
