package dev.daxray.families.ghes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.Event;
import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.FamilyTester;
import dev.daxray.families.HwCorpus;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.ghes.GhesLexer;
import dev.daxray.grammar.ghes.GhesParser;
import dev.daxray.records.LogRecord;

class GhesFamilyTest {

    private final GhesFamily family = new GhesFamily();

    private List<Ghes> ghes(String... lines) {
        return FamilyTester.read(family, lines).stream().map(Ghes.class::cast).toList();
    }

    /** The lines the family does not try to parse are lines the grammar rejects: MCE dumps share the keyword. */
    @ParameterizedTest
    @ValueSource(strings = {
        "mce: [Hardware Error]: CPU 3: Machine Check Exception: 5 Bank 1: bd80000000100134",
        "mce: [Hardware Error]: TSC 0 ADDR 3c1b0a000 MISC 86 ",
        "mce: [Hardware Error]: RIP !INEXACT! 10:<ffffffff8c6e0a0e> {copy_mc_fragile+0x3e/0xe0}",
        "mce: [Hardware Error]: Machine check events logged",
        "[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 0",
        "[Firmware Warn]: GHES Unhandled processor error type 0x02: cache error",
        "AEST: [Hardware Error]:   ERR0ADDR: 0x8400000043344521"})
    void linesWithoutASequenceOrGhesAreNotTriedAndTheGrammarRejectsThem(String body) {
        ParseMemo<GhesParser, GhesParser.LineContext> grammar =
                ParseMemo.of(GhesLexer::new, GhesParser::new, GhesParser::line);
        assertEquals(body.indexOf('{') >= 0 && body.contains("{copy"), GhesFamily.mayParse(body));
        if (!GhesFamily.mayParse(body)) {
            assertTrue(grammar.tryParse(body).isEmpty());
        }
        assertTrue(GhesFamily.mayParse("{3}[Hardware Error]:   section_type: memory error"));
        assertTrue(GhesFamily.mayParse("[Firmware Warn]: GHES: Unhandled processor error type 0x02: cache error"));
    }

    @Test
    void joinsARecoverableMemoryRecordFromCorpus004() {
        List<Ghes> events = ghes(
                "[29076.551909] {3}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 0",
                "[29076.561136] {3}[Hardware Error]: event severity: recoverable",
                "[29076.567453] {3}[Hardware Error]:  Error 0, type: recoverable",
                "[29076.573769] {3}[Hardware Error]:   section_type: memory error",
                "[29076.580182] {3}[Hardware Error]:    error_status: Storage error in DRAM memory (0x0000000000000400)",
                "[29076.590281] {3}[Hardware Error]:   physical_address: 0x00000040a0602400\t\t<== 1st poison @ 0x400",
                "[29076.597664] {3}[Hardware Error]:   physical_address_mask: 0xffffffffffffff00",
                "[29076.605532] {3}[Hardware Error]:   node:0 card:0 module:1",
                "[29076.611655] {3}[Hardware Error]:   error_type: 14, scrub uncorrected error",
                "[29076.619447] Memory failure: 0x40a0602: recovery action for dax page: Recovered",
                "[29076.627519] mce: [Hardware Error]: Machine check events logged");
        assertEquals(1, events.size());
        Ghes g = events.get(0);
        assertEquals(3, g.record());
        assertEquals("GHES", g.source());
        assertEquals("recoverable", g.severity());
        assertEquals("memory error", g.sectionType());
        assertEquals("Storage error in DRAM memory", g.errorStatus());
        assertEquals(14, g.errorType());
        assertEquals("scrub uncorrected error", g.errorTypeText());
        assertEquals(Hex.parse("0x40a0602400"), g.physAddr());
        assertEquals(Hex.parse("0xffffffffffffff00"), g.physAddrMask());
        assertEquals("node:0 card:0 module:1", g.location());
        assertNull(g.fru());
        assertEquals(1, g.origin().line());
        assertEquals(9, g.origin().endLine());
        assertEquals(29076551909L, g.origin().micros());
    }

    @Test
    void joinsACorrectedChipkillRecordFromCorpus019() {
        Ghes g = FamilyTester.one(Ghes.class, family,
                "[ 2335.753234] {2}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 2",
                "[ 2335.763930] {2}[Hardware Error]: It has been corrected by h/w and requires no further action",
                "[ 2335.774828] {2}[Hardware Error]: event severity: corrected",
                "[ 2335.782761] {2}[Hardware Error]:  Error 0, type: corrected",
                "[ 2335.790671] {2}[Hardware Error]:   section_type: memory error",
                "[ 2335.798838] {2}[Hardware Error]:   error_status: Reserved (0x0000000000000000)",
                "[ 2335.808444] {2}[Hardware Error]:   physical_address: 0x00000008cb743020",
                "[ 2335.817552] {2}[Hardware Error]:   physical_address_mask: 0x0000000000000000",
                "[ 2335.827098] {2}[Hardware Error]:   node:0 card:0 module:0 rank:0 bank:770 bank_group:3 bank_address:2 device:0 row:6510 column:1544 bit_position:0 requestor_id: 0x0000000000000000 responder_id:0x0000000000000000 target_id:0x0000000000000000 chip_id:0",
                "[ 2335.857212] {2}[Hardware Error]:   error_type: 4, single-symbol chipkill ECC",
                "[ 2335.867001] {2}[Hardware Error]:   DIMM location: not present. DMI handle: 0x0000");
        assertEquals(2, g.record());
        assertEquals("corrected", g.severity());
        assertEquals("memory error", g.sectionType());
        assertEquals("Reserved", g.errorStatus());
        assertEquals(4, g.errorType());
        assertEquals("single-symbol chipkill ECC", g.errorTypeText());
        assertEquals(Hex.parse("0x8cb743020"), g.physAddr());
        assertEquals(new Hex(0), g.physAddrMask());
        assertTrue(g.location().startsWith("node:0 card:0 module:0 rank:0 bank:770"), g.location());
        assertTrue(g.location().endsWith("chip_id:0"), g.location());
        assertNull(g.fru(), "DIMM location: not present names no FRU");
        assertEquals(11, g.origin().endLine());
    }

    @Test
    void readsTheUndecodedStatusOfOlderKernels() {
        Ghes g = FamilyTester.one(Ghes.class, family,
                "[  281.818273] {2}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 2",
                "[  281.863389] {2}[Hardware Error]:   error_status: 0x0000000000000000",
                "[  281.880944] {2}[Hardware Error]:   physical_address: 0x00000008a5f45020");
        assertEquals("0x0", g.errorStatus());
        assertEquals(Hex.parse("0x8a5f45020"), g.physAddr());
    }

    @Test
    void readsFruTextAndARecordWithoutItsHeader() {
        List<Ghes> events = ghes(
                "[ 5512.104932] {1}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
                "[ 5512.104934] {1}[Hardware Error]: It has been corrected by h/w and requires no further action",
                "[ 5512.104935] {1}[Hardware Error]: event severity: corrected",
                "[ 5512.104936] {1}[Hardware Error]:  Error 0, type: corrected",
                "[ 5512.104937] {1}[Hardware Error]:  fru_text: CPU0_DIMM_A1",
                "[ 5512.104938] {1}[Hardware Error]:   section_type: memory error",
                "[ 5512.104939] {1}[Hardware Error]:    error_status: Storage error in DRAM memory (0x0000000000000400)",
                "[ 5512.104940] {1}[Hardware Error]:   physical_address: 0x000000207b9e1040",
                "[ 5512.104941] {1}[Hardware Error]:   node:0 card:0 module:0 rank:1 bank:3 device:5 row:5436 column:816 ",
                "[ 5512.104942] {1}[Hardware Error]:   error_type: 2, single-bit ECC",
                "[ 7730.551002] {2}[Hardware Error]: event severity: recoverable",
                "[ 7730.551010] {2}[Hardware Error]:   error_type: 5, multi-symbol chipkill ECC");
        assertEquals(2, events.size());
        Ghes first = events.get(0);
        assertEquals("CPU0_DIMM_A1", first.fru());
        assertEquals("corrected", first.severity());
        assertEquals("node:0 card:0 module:0 rank:1 bank:3 device:5 row:5436 column:816", first.location());
        assertEquals(2, first.errorType());
        assertEquals("single-bit ECC", first.errorTypeText());
        assertEquals(Hex.parse("0x207b9e1040"), first.physAddr());
        Ghes second = events.get(1);
        assertEquals(2, second.record());
        assertEquals("recoverable", second.severity());
        assertEquals(5, second.errorType());
        assertEquals("multi-symbol chipkill ECC", second.errorTypeText());
        assertNull(second.physAddr());
        assertEquals(11, second.origin().line());
        assertEquals(12, second.origin().endLine());
    }

    @Test
    void keepsOldStyleLocationAndDimmLocationFromCorpus005() {
        Ghes g = FamilyTester.one(Ghes.class, family,
                "[21351.992296] {2}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
                "[21352.001528] {2}[Hardware Error]: event severity: recoverable",
                "[21352.007838] {2}[Hardware Error]:  Error 0, type: recoverable",
                "[21352.014156] {2}[Hardware Error]:   section_type: memory error",
                "[21352.020572] {2}[Hardware Error]:   physical_address: 0x0000001850603200",
                "[21352.027958] {2}[Hardware Error]:   physical_address_mask: 0xffffffffffffff00",
                "[21352.035827] {2}[Hardware Error]:   node: 0 module: 1",
                "[21352.041466] {2}[Hardware Error]:   DIMM location: /SYS/MB/P0 D6",
                "[21352.048277] Memory failure: 0x1850603: recovery action for dax page: Recovered");
        assertEquals("node: 0 module: 1", g.location());
        assertEquals("/SYS/MB/P0 D6", g.fru());
        assertNull(g.errorType());
        assertNull(g.errorStatus());
        assertEquals(Hex.parse("0x1850603200"), g.physAddr());
        assertEquals(8, g.origin().endLine());
    }

    @Test
    void joinsArm64AestRecordsFromCorpus014() {
        List<Ghes> events = ghes(
                "[   64.959849] AEST: {1}[Hardware Error]: Hardware error from AEST memory.90d0000",
                "[   64.959852] AEST: {1}[Hardware Error]:  Error from memory at SRAT proximity domain 0x0",
                "[   64.959855] AEST: {1}[Hardware Error]:   ERR0FR: 0x40000080044081",
                "[   64.959858] AEST: {1}[Hardware Error]:   ERR0CTRL: 0x108",
                "[   64.959859] AEST: {1}[Hardware Error]:   ERR0STATUS: 0xc4800390",
                "[   64.959860] AEST: {1}[Hardware Error]:   ERR0ADDR: 0x8400000043344521",
                "[   64.959861] AEST: {1}[Hardware Error]:   ERR0MISC0: 0x7fff00000000",
                "[   64.959861] AEST: {1}[Hardware Error]:   ERR0MISC1: 0x0",
                "[   64.959862] AEST: {1}[Hardware Error]:   ERR0MISC2: 0x0",
                "[   64.959863] AEST: {1}[Hardware Error]:   ERR0MISC3: 0x0",
                "[   64.959873] Memory failure: 0x43344: recovery action for free buddy page: Recovered",
                "",
                "[  132.044283] AEST: {2}[Hardware Error]: Hardware error from AEST XP",
                "[  132.044286] AEST: {2}[Hardware Error]:  Error from vendor hid ARMHC700 uid 0x0",
                "[  132.044292] AEST: {2}[Hardware Error]:   ERR0STATUS: 0xc4800390",
                "[  132.044293] AEST: {2}[Hardware Error]:   ERR0ADDR: 0x8400000043344521",
                "[  132.044299] AEST: {2}[Hardware Error]:   ERR0MISC3: 0x0");
        assertEquals(2, events.size());
        Ghes memory = events.get(0);
        assertEquals(1, memory.record());
        assertEquals("AEST", memory.source());
        assertEquals("recoverable", memory.severity(), "ERR0STATUS 0xc4800390 has DE (deferred) set");
        assertEquals("memory error", memory.sectionType());
        assertEquals("memory error: SRAT proximity domain 0x0", memory.location());
        assertEquals("0xc4800390", memory.errorStatus());
        assertEquals(Hex.parse("0x43344521"), memory.physAddr());
        assertNull(memory.errorType());
        assertNull(memory.physAddrMask());
        assertNull(memory.fru());
        assertEquals(1, memory.origin().line());
        assertEquals(10, memory.origin().endLine());
        Ghes vendor = events.get(1);
        assertEquals(2, vendor.record());
        assertEquals("vendor error", vendor.sectionType());
        assertEquals("vendor error: hid ARMHC700 uid 0x0", vendor.location());
        assertEquals(Hex.parse("0x43344521"), vendor.physAddr());
    }

    @Test
    void readsAnArmProcessorRecordAndTheUnhandledWarningFromCorpus036() {
        List<Ghes> events = ghes(
                "[  839.952678] {4}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
                "[  839.953145] {4}[Hardware Error]: event severity: recoverable",
                "[  839.953451] {4}[Hardware Error]:  Error 0, type: recoverable",
                "[  839.953763] {4}[Hardware Error]:   section_type: ARM processor error",
                "[  839.954094] {4}[Hardware Error]:   MIDR: 0x0000000000000000",
                "[  839.955424] {4}[Hardware Error]:   Error info structure 0:",
                "[  839.956561] {4}[Hardware Error]:    error_type: 0x02: cache error",
                "[  839.956882] {4}[Hardware Error]:    error_info: 0x000000000054007f",
                "[  839.958771] {4}[Hardware Error]:     PC is imprecise",
                "[  839.959074] [Firmware Warn]: GHES: Unhandled processor error type 0x02: cache error");
        assertEquals(2, events.size());
        Ghes record = events.get(0);
        assertEquals(4, record.record());
        assertEquals("ARM processor error", record.sectionType());
        assertEquals(2, record.errorType());
        assertEquals("cache error", record.errorTypeText());
        assertNull(record.physAddr());
        assertEquals(9, record.origin().endLine());
        Ghes warning = events.get(1);
        assertNull(warning.record());
        assertEquals("GHES", warning.source());
        assertEquals("ARM processor error", warning.sectionType());
        assertEquals("Unhandled processor error type 0x02: cache error", warning.errorStatus());
        assertEquals(2, warning.errorType());
        assertEquals("cache error", warning.errorTypeText());
        assertNull(warning.physAddr());
        assertEquals(10, warning.origin().line());
    }

    @Test
    void readsTheArmPhysicalFaultAddressFromCorpus011() {
        Ghes g = FamilyTester.one(Ghes.class, family,
                "[ 1419.542401][    C1] {57}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 9",
                "[ 1419.551435][    C1] {57}[Hardware Error]: event severity: recoverable",
                "[ 1419.564295][    C1] {57}[Hardware Error]:   section_type: ARM processor error",
                "[ 1419.614804][    C1] {57}[Hardware Error]:    error_type: 0, cache error",
                "[ 1419.642013][    C1] {57}[Hardware Error]:    physical fault address: 0x0000001000093c00");
        assertEquals(57, g.record());
        assertEquals(0, g.errorType());
        assertEquals("cache error", g.errorTypeText());
        assertEquals(Hex.parse("0x1000093c00"), g.physAddr());
    }

    @Test
    void unhandledProcessorErrorWithoutNumber() {
        Ghes g = FamilyTester.one(Ghes.class, family,
                "[  100.000000] [Firmware Warn]: GHES: Unhandled processor error type: TLB error");
        assertNull(g.errorType());
        assertEquals("TLB error", g.errorTypeText());
        assertEquals("Unhandled processor error type: TLB error", g.errorStatus());
    }

    @Test
    void readsOtherGhesOneLiners() {
        Ghes invalid = FamilyTester.one(Ghes.class, family,
                "[   12.000000] [Firmware Warn]: GHES: Invalid address in generic error data: 0x12345000");
        assertEquals(Hex.parse("0x12345000"), invalid.physAddr());
        assertEquals("Invalid address in generic error data: 0x12345000", invalid.errorStatus());
        Ghes poll = FamilyTester.one(Ghes.class, family,
                "[    1.000000] GHES: Poll interval is 0 for generic hardware error source: 1, disabled.");
        assertEquals("Poll interval is 0 for generic hardware error source: 1, disabled.", poll.errorStatus());
        assertNull(poll.severity());
        assertNull(poll.physAddr());
    }

    @Test
    void aHeaderAloneIsStillARecord() {
        Ghes g = FamilyTester.one(Ghes.class, family,
                "[  500.000000] {7}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 3");
        assertEquals(7, g.record());
        assertEquals("GHES", g.source());
        assertNull(g.severity());
        assertEquals(1, g.origin().endLine());
    }

    @Test
    void keepsARecordOpenAcrossAForeignLineBeforeItsLastField() {
        FamilyReader reader = family.newReader();
        List<Event> events = new ArrayList<>();
        assertTrue(reader.offer(LogRecord.at(10.0, 1,
                "{5}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 0"), events::add));
        assertTrue(reader.offer(LogRecord.at(10.0, 2, "{5}[Hardware Error]: event severity: recoverable"), events::add));
        assertFalse(reader.offer(LogRecord.at(10.0, 3, "Memory failure: 0x1234: already hardware poisoned"),
                events::add), "another family's line must reach that family");
        assertTrue(reader.inBlock());
        assertTrue(reader.offer(LogRecord.at(10.0, 4, "{5}[Hardware Error]:   physical_address: 0x1234000"),
                events::add));
        assertTrue(reader.offer(LogRecord.at(10.0, 5, "{5}[Hardware Error]:   error_type: 14, scrub uncorrected error"),
                events::add));
        assertTrue(events.isEmpty());
        assertFalse(reader.offer(LogRecord.at(10.1, 6, "Memory failure: 0x1234: recovery action for dax page: Recovered"),
                events::add));
        assertFalse(reader.inBlock());
        assertEquals(1, events.size());
        Ghes g = (Ghes) events.get(0);
        assertEquals(Hex.parse("0x1234000"), g.physAddr());
        assertEquals(5, g.origin().endLine());
    }

    @Test
    void closesAQuietRecordAfterAGap() {
        FamilyReader reader = family.newReader();
        List<Event> events = new ArrayList<>();
        reader.offer(LogRecord.at(10.0, 1, "{5}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 0"),
                events::add);
        reader.offer(LogRecord.at(10.0, 2, "{5}[Hardware Error]:   section_type: ARM processor error"), events::add);
        reader.offer(LogRecord.at(10.5, 3, "EDAC MC0: 1 UE Multi-bit ECC on unknown memory"), events::add);
        assertTrue(events.isEmpty());
        reader.offer(LogRecord.at(12.0, 4, "random: crng init done"), events::add);
        assertEquals(1, events.size());
        assertEquals(2, events.get(0).origin().endLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[29076.627519] mce: [Hardware Error]: Machine check events logged",
            "[ 1429.825760][    C1] ghes_print_estatus: 1 callbacks suppressed",
            "[ 1419.919580][ T9955] EDAC MC0: 1 UE Multi-bit ECC on unknown memory (node:0 card:1 module:71 APEI location: node:0)",
            "[ 100.000000] [Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
            "[ 100.000000] {x}[Hardware Error]: event severity: recoverable",
            "[ 100.000000] mce: [Hardware Error]: CPU 0: Machine Check: 0 Bank 1: bc00000000000000",
            "[ 100.000000] Kernel panic - not syncing: Fatal hardware error!",
            ""})
    void rejectsNearMisses(String line) {
        assertTrue(FamilyTester.read(family, line).isEmpty(), line);
    }

    @Test
    void readsBothRecordsOfCorpus004() {
        List<Ghes> events = HwCorpus.read(family, "004", "dmesg.log").stream().map(Ghes.class::cast).toList();
        assertEquals(List.of(Hex.parse("0x40a0602400"), Hex.parse("0x40a0602600")),
                events.stream().map(Ghes::physAddr).toList());
        assertEquals(List.of(3, 4), events.stream().map(Ghes::record).toList());
        assertTrue(events.stream().allMatch(g -> "recoverable".equals(g.severity()) && g.errorType() == 14));
    }

    @Test
    void readsTheSeaStormOfCorpus011() {
        List<Ghes> events = HwCorpus.read(family, "011", "console.log").stream().map(Ghes.class::cast).toList();
        assertEquals(List.of(57, 59), events.stream().map(Ghes::record).toList());
        assertTrue(events.stream().allMatch(g -> Hex.parse("0x1000093c00").equals(g.physAddr())
                && "ARM processor error".equals(g.sectionType())));
    }

    @Test
    void readsThePhantomRecordOfCorpus005AndTheCorrectedOnesOf019() {
        Ghes phantom = (Ghes) HwCorpus.read(family, "005", "dmesg.log").get(0);
        assertEquals(Hex.parse("0x1850603200"), phantom.physAddr());
        List<Event> corrected = HwCorpus.read(family, "019", "dmesg.log");
        assertEquals(1, corrected.size());
        assertEquals(Hex.parse("0x8cb743020"), ((Ghes) corrected.get(0)).physAddr());
        assertEquals("corrected", ((Ghes) corrected.get(0)).severity());
        Ghes before = (Ghes) HwCorpus.read(family, "019", "dmesg-before-patch.log").get(0);
        assertEquals(Hex.parse("0x8a5f45020"), before.physAddr());
    }

    @Test
    void readsTheAestRecordsOf014AndTheArmRecordOf036() {
        List<Event> aest = HwCorpus.read(family, "014", "dmesg.log");
        assertEquals(2, aest.size());
        assertTrue(aest.stream().allMatch(e -> Hex.parse("0x43344521").equals(((Ghes) e).physAddr())));
        List<Event> arm = HwCorpus.read(family, "036", "dmesg.log");
        assertEquals(2, arm.size());
        assertEquals(20, arm.get(0).origin().endLine());
    }

    @Test
    void everyAcceptedCorpusLineCarriesAKeyword() {
        int accepted = 0;
        for (String[] file : new String[][] {{"004", "dmesg.log"}, {"005", "dmesg.log"}, {"011", "console.log"},
                {"014", "dmesg.log"}, {"019", "dmesg.log"}, {"036", "dmesg.log"}}) {
            accepted += HwCorpus.assertKeywordsCover(family, HwCorpus.lines(file[0], file[1]));
        }
        assertTrue(accepted > 100, "accepted " + accepted);
    }
    /**
     * cper.c prints a section it does not know as "section type: unknown, %pUl", its length, and a hex dump
     * (print_hex_dump, DUMP_PREFIX_OFFSET, 16 bytes a row): one event that keeps the GUID, dump lines included.
     */
    @Test
    void keepsTheGuidOfAnUnknownSectionAndItsHexDump() {
        Ghes g = FamilyTester.one(Ghes.class, family,
                "[ 5120.100001] {7}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 3",
                "[ 5120.100002] {7}[Hardware Error]: It has been corrected by h/w and requires no further action",
                "[ 5120.100003] {7}[Hardware Error]: event severity: corrected",
                "[ 5120.100004] {7}[Hardware Error]:  Error 0, type: corrected",
                "[ 5120.100005] {7}[Hardware Error]:  fru_text: Vendor RAS",
                "[ 5120.100006] {7}[Hardware Error]:   section type: unknown, 2826cc9f-448c-4c2b-86b6-a95394b7ef33",
                "[ 5120.100007] {7}[Hardware Error]:   section length: 0x20",
                "[ 5120.100008] {7}[Hardware Error]:   00000000: 00000001 00000000 5a5a5a5a 00001000  ............ZZZZ",
                "[ 5120.100009] {7}[Hardware Error]:   00000010: 00000000 00000000 00000000 00000000  ................");
        assertEquals("corrected", g.severity());
        assertEquals("unknown, 2826cc9f-448c-4c2b-86b6-a95394b7ef33", g.sectionType(), "the GUID is kept");
        assertNull(g.physAddr(), "a hex dump names no address");
        assertEquals(9L, g.origin().endLine(), "the dump is part of the record");
    }

    /** A PCIe/AER section (cper_print_pcie) in a corrected GHES record is one event with its section type. */
    @Test
    void readsACorrectedPcieSection() {
        Ghes g = FamilyTester.one(Ghes.class, family,
                "[  611.000001] {2}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
                "[  611.000002] {2}[Hardware Error]: It has been corrected by h/w and requires no further action",
                "[  611.000003] {2}[Hardware Error]: event severity: corrected",
                "[  611.000004] {2}[Hardware Error]:  Error 0, type: corrected",
                "[  611.000005] {2}[Hardware Error]:   section_type: PCIe error",
                "[  611.000006] {2}[Hardware Error]:   port_type: 4, root port",
                "[  611.000007] {2}[Hardware Error]:   version: 3.0",
                "[  611.000008] {2}[Hardware Error]:   command: 0x0547, status: 0x4010",
                "[  611.000009] {2}[Hardware Error]:   device_id: 0000:00:1c.0",
                "[  611.000010] {2}[Hardware Error]:   slot: 0",
                "[  611.000011] {2}[Hardware Error]:   aer_cor_status: 0x00000001, aer_cor_mask: 0x00002000");
        assertEquals("corrected", g.severity());
        assertEquals("PCIe error", g.sectionType());
        assertEquals(11L, g.origin().endLine());
    }
}
