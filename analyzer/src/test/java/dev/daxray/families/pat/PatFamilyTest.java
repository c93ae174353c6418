package dev.daxray.families.pat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.PatConflict;
import dev.daxray.families.FamilyTester;
import dev.daxray.families.HwCorpus;

class PatFamilyTest {

    private final PatFamily family = new PatFamily();

    @Test
    void readsTheConflictOfCorpus032() {
        PatConflict e = FamilyTester.one(PatConflict.class, family, "[10683.426147] x86/PAT: fsdax_poison_v1:5018 "
                + "conflicting memory types 1850600000-1850601000  uncached-minus<->write-back");
        assertEquals("fsdax_poison_v1", e.comm());
        assertEquals(5018, e.pid());
        assertEquals(Hex.parse("0x1850600000"), e.start());
        assertEquals(Hex.parse("0x1850601000"), e.end());
        assertEquals("fsdax_poison_v1:5018 conflicting memory types 1850600000-1850601000  uncached-minus<->write-back",
                e.message());
    }

    @Test
    void toleratesTheNoBreakSpaceOfAMailArchive() {
        PatConflict e = FamilyTester.one(PatConflict.class, family, "[10683.426147] x86/PAT: fsdax_poison_v1:5018 "
                + "conflicting memory types 1850600000-1850601000\u00a0 uncached-minus<->write-back");
        assertEquals(Hex.parse("0x1850601000"), e.end());
    }

    @Test
    void readsACommWithColonsAndSpaces() {
        PatConflict e = FamilyTester.one(PatConflict.class, family,
                "[1.0] x86/PAT: kworker/u8:2 io:77 conflicting memory types 100000-101000  write-combining<->uncached-minus");
        assertEquals("kworker/u8:2 io", e.comm());
        assertEquals(77, e.pid());
    }

    @Test
    void readsTheCompanionComplaintsOfCorpus005() {
        PatConflict freeing = FamilyTester.one(PatConflict.class, family,
                "[ 2440.856351] x86/PAT: fsdax_poison_v1:8457 freeing invalid memtype [mem 0x1850602000-0x1850602fff]");
        assertEquals("fsdax_poison_v1", freeing.comm());
        assertEquals(8457, freeing.pid());
        assertEquals(Hex.parse("0x1850602000"), freeing.start());
        assertEquals(Hex.parse("0x1850603000"), freeing.end(), "end is exclusive");
        PatConflict reserve = FamilyTester.one(PatConflict.class, family, "[ 2439.769984] x86/PAT: memtype_reserve failed "
                + "[mem 0x1850602000-0x1850602fff], track uncached-minus, req uncached-minus");
        assertNull(reserve.comm());
        assertNull(reserve.pid());
        assertEquals(Hex.parse("0x1850602000"), reserve.start());
        assertEquals(Hex.parse("0x1850603000"), reserve.end());
        assertEquals("memtype_reserve failed [mem 0x1850602000-0x1850602fff], track uncached-minus, req uncached-minus",
                reserve.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[    0.0] x86/PAT: Configuration [0-7]: WB  WC  UC- UC  WB  WP  UC- WT  ",
            "[    0.0] x86/PAT: fsdax_poison_v1:5018 conflicting memory types",
            "[    0.0] PAT: fsdax_poison_v1:5018 conflicting memory types 1850600000-1850601000  uncached-minus<->write-back",
            "[ 2439.769985] Could not invalidate pfn=0x1850602 from 1:1 map"})
    void rejectsNearMisses(String line) {
        assertTrue(FamilyTester.read(family, line).isEmpty(), line);
    }

    @Test
    void readsCorpora032And005() {
        List<Event> conflict = HwCorpus.read(family, "032", "dmesg.log");
        assertEquals(1, conflict.size());
        assertEquals(Hex.parse("0x1850600000"), ((PatConflict) conflict.get(0)).start());
        List<Event> phantom = HwCorpus.read(family, "005", "dmesg.log");
        assertEquals(2, phantom.size());
        assertTrue(phantom.stream().allMatch(e -> Hex.parse("0x1850602000").equals(((PatConflict) e).start())));
        assertEquals(1, HwCorpus.assertKeywordsCover(family, HwCorpus.lines("032", "dmesg.log")));
        assertEquals(2, HwCorpus.assertKeywordsCover(family, HwCorpus.lines("005", "dmesg.log")));
    }
}
