package dev.daxray.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;
import dev.daxray.families.edac.EdacFamily;
import dev.daxray.families.mce.MceFamily;
import dev.daxray.families.memoryfailure.MemoryFailureFamily;

/**
 * Every text file of the real corpus through the memory-failure, mce and edac families: the
 * keyword contract holds on each accepted line, and the event counts per type match what the
 * captures hold (counted by hand from the files).
 */
class FamiliesRealCorpusTest {

    @Test
    void keywordContractAndEventCountsOverTheWholeCorpus() throws IOException {
        Path real = RealCorpus.shared().resolve("corpus/real");
        Assumptions.assumeTrue(Files.isDirectory(real), "real corpus not available");
        List<Family> families = List.of(new MemoryFailureFamily(), new MceFamily(), new EdacFamily());
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(real)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".txt")).sorted().toList()) {
                String caseDir = real.relativize(file.getParent()).toString();
                for (Family family : families) {
                    for (Event event : RealCorpus.read(family, caseDir, file.getFileName().toString())) {
                        counts.merge(event.type(), 1, Integer::sum);
                    }
                }
            }
        }
        // The as-published.txt copies of 005/008/032 are wrapped mid-message by mail clients: their
        // 14 "Sending SIGBUS to " / "recovery action for dax page: " halves are notes, not verdicts.
        assertTrue(counts.get("memory-failure") >= 13, counts.toString());
        assertTrue(counts.get("sigbus") >= 15, counts.toString());
        assertTrue(counts.get("memory-failure-note") >= 14, counts.toString());
        assertEquals(4, counts.get("already-poisoned"), counts.toString());
        assertEquals(2, counts.get("unpoison"), counts.toString());
        assertTrue(counts.get("mce") >= 13, counts.toString());
        assertTrue(counts.get("edac") >= 9, counts.toString());
    }
}
