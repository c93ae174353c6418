package dev.daxray.families.edac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Edac;
import dev.daxray.events.Hex;
import dev.daxray.families.RealCorpus;

/** The EDAC lines of the real captures, with what their SOURCE.md says happened. */
class EdacRealCorpusTest {

    private final EdacFamily family = new EdacFamily();

    private List<Edac> read(String caseDir, String file) {
        return RealCorpus.read(family, caseDir, file).stream().map(Edac.class::cast).toList();
    }

    @Test
    void dcpmemTwoPoisonsInOnePageGiveTwoSystemAddresses() {
        List<Edac> events = read("004-dcpmem-ghes-dax-recovered-nfit-badrange-8-blocks", "dmesg.log");
        assertEquals(List.of(Hex.parse("0x40a0602400"), Hex.parse("0x40a0602600")),
                events.stream().map(Edac::physAddr).toList());
        assertTrue(events.stream().allMatch(e -> e.severity().equals("uncorrected") && e.mc() == 0
                && e.pfn().equals(Hex.parse("0x40a0602")) && e.label().equals("CPU_SrcID#0_MC#0_Chan#0_DIMM#1")));
    }

    @Test
    void phantomPoisonUeOnTheAdjacentPage() {
        List<Edac> events = read("005-phantom-pmem-poison-ghes-after-clear", "dmesg.log");
        assertEquals(1, events.size()); // the skx mirror and HANDLING lines are not EDAC events
        assertEquals(Hex.parse("0x1850603200"), events.get(0).physAddr());
        assertEquals("uncorrected", events.get(0).severity());
    }

    @Test
    void correctedChipkillIsCorrected() {
        List<Edac> now = read("019-NEG-ghes-corrected-chipkill-ce-edac-ghes", "dmesg.log");
        assertEquals(1, now.size());
        assertEquals("corrected", now.get(0).severity());
        assertEquals(Hex.parse("0x8cb743"), now.get(0).pfn());
        assertEquals(Hex.parse("0x20"), now.get(0).offset());
        List<Edac> before = read("019-NEG-ghes-corrected-chipkill-ce-edac-ghes", "dmesg-before-patch.log");
        assertEquals(Hex.parse("0x8a5f45020"), before.get(0).physAddr());
    }

    @Test
    void ryzenCorrectedErrorWithoutAddressAndNoDriverBanners() {
        List<Edac> events = read("020-NEG-amd-ryzen7000-corrected-dram-ecc-ce", "dmesg.log");
        assertEquals(1, events.size());
        assertEquals("corrected", events.get(0).severity());
        assertEquals("Cannot decode normalized address", events.get(0).message());
        assertNull(events.get(0).physAddr());
    }

    @Test
    void amdDeferredAndArmGhesUncorrected() {
        assertEquals("mc#1csrow#0channel#6",
                read("013-amd-fam19h-deferred-ue-memory-failure-wrong-address", "dmesg.log").get(0).label());
        assertEquals("uncorrected",
                read("012-amd-fam19h-deferred-ue-patrol-scrub-no-memory-failure", "dmesg.log").get(0).severity());
        Edac arm = read("011-arm64-ghes-sea-storm-devmem-free-buddy-page-sigbus", "console.log").get(0);
        assertEquals(Hex.parse("0x1000093c00"), arm.physAddr());
        assertEquals("unknown memory", arm.label());
    }
}
