package dev.daxray.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.families.fs.FsFamily;
import dev.daxray.families.ghes.GhesFamily;
import dev.daxray.families.nvdimm.NvdimmFamily;
import dev.daxray.families.pat.PatFamily;
import dev.daxray.families.shipped.Families;
import dev.daxray.families.storage.StorageFamily;

/** The hardware / filesystem / storage families together: order, robustness, keyword contract. */
class HwFamiliesTest {

    private static final List<Family> HW = List.of(new GhesFamily(), new FsFamily(), new NvdimmFamily(),
            new StorageFamily(), new PatFamily());

    @Test
    void registeredAfterTheBannerInOrder() {
        List<String> names = Families.standard().stream().map(Family::name).toList();
        int banner = names.indexOf("printk");
        assertTrue(banner >= 0);
        List<String> ours = names.stream().filter(n -> List.of("ghes", "fs", "nvdimm", "storage", "pat").contains(n))
                .toList();
        assertEquals(List.of("ghes", "fs", "nvdimm", "storage", "pat"), ours);
        assertTrue(names.indexOf("ghes") > banner);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{99999999999999}[Hardware Error]: event severity: recoverable",
            "{1}[Hardware Error]:   physical_address: 0x1234567890123456789",
            "{1}[Hardware Error]:   error_type: 99999999999, huge",
            "XFS (pmem0): Metadata I/O Error (0x123456789012345678) detected at f+0x1/0x2 [xfs] (a.c:1).  Shutting down filesystem.",
            "EXT4-fs (pmem0): shut down requested (99999999999999999999)",
            "nfit ACPI0012:00: addr in SPA 1 (0x40800000000000000000, 0x1)",
            "x86/PAT: comm:99999999999 conflicting memory types 1-2  a<->b",
            "x86/PAT: comm:1 conflicting memory types 123456789012345678901-2  a<->b"})
    void outOfRangeNumbersRejectTheLine(String line) {
        for (Family family : HW) {
            assertTrue(FamilyTester.read(family, line).isEmpty(), family.name() + ": " + line);
        }
    }

    /** Every line of every real capture, through every family: nothing throws, the keywords hold. */
    @Test
    void readsEveryRealCaptureWithoutThrowing() throws IOException {
        Path real = HwCorpus.shared().resolve("corpus").resolve("real");
        Assumptions.assumeTrue(Files.isDirectory(real));
        int files = 0;
        int accepted = 0;
        try (Stream<Path> walk = Files.walk(real)) {
            for (Path file : walk.filter(p -> p.toString().matches(".*\\.(log|txt)$")).toList()) {
                List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
                files++;
                for (Family family : HW) {
                    FamilyTester.read(family, lines.toArray(String[]::new));
                    accepted += HwCorpus.assertKeywordsCover(family, lines);
                }
            }
        }
        assertTrue(files > 20, "files " + files);
        assertTrue(accepted > 150, "accepted " + accepted);
    }
}
