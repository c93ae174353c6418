package dev.daxray.families.mce;

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
import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.FamilyTester;
import dev.daxray.records.LogRecord;

class MceFamilyTest {

    private final MceFamily family = new MceFamily();

    private Mce one(String... lines) {
        assertKeywords(lines);
        return FamilyTester.one(Mce.class, family, lines);
    }

    private List<Mce> all(String... lines) {
        return FamilyTester.read(family, lines).stream().map(Mce.class::cast).toList();
    }

    /** Accepted lines, dump continuations included, must carry one of the family's keywords. */
    private void assertKeywords(String... lines) {
        for (String line : lines) {
            assertTrue(family.keywords().stream().anyMatch(line::contains), () -> "no keyword in accepted line " + line);
        }
    }

    private static void assertMce(Mce mce, String severity, String physAddr, Integer cpu, Integer bank, String status,
                                  String message) {
        assertEquals(severity, mce.severity(), "severity");
        assertEquals(physAddr == null ? null : Hex.parse(physAddr), mce.physAddr(), "physAddr");
        assertEquals(cpu, mce.cpu(), "cpu");
        assertEquals(bank, mce.bank(), "bank");
        assertEquals(status == null ? null : Hex.parse(status), mce.status(), "status");
        assertEquals(message, mce.message(), "message");
    }

    // --- record dumps --------------------------------------------------------------------------

    @Test
    void joinsACorrectedDumpIntoOneEvent() {
        Mce mce = one(
                "[ 4821.123460] mce: [Hardware Error]: CPU 12: Machine Check: 0 Bank 7: cc00008000010090",
                "[ 4821.123461] mce: [Hardware Error]: TSC 0 ADDR 207b9e1040 MISC 9a00000086 ",
                "[ 4821.123462] mce: [Hardware Error]: PROCESSOR 0:50657 TIME 1795255200 SOCKET 0 APIC 18 microcode 5003604",
                "[ 4821.123463] mce: [Hardware Error]: Run the above through 'mcelog --ascii'");
        assertMce(mce, "corrected", "0x207b9e1040", 12, 7, "0xcc00008000010090", "Machine Check");
        assertEquals(1L, mce.origin().line());
        assertEquals(4L, mce.origin().endLine());
        assertEquals(4821123460L, mce.origin().micros());
        assertTrue(mce.origin().text().contains("CPU 12: Machine Check"));
    }

    @Test
    void aSeverityLineClosesTheDumpAndIsItsOwnEvent() {
        List<Mce> events = all(
                "[  611.902144] mce: [Hardware Error]: CPU 3: Machine Check Exception: 5 Bank 1: bd80000000100134",
                "[  611.902146] mce: [Hardware Error]: RIP !INEXACT! 10:<ffffffff8152c5e8> {copy_mc_fragile+0x48/0x70}",
                "[  611.902147] mce: [Hardware Error]: TSC 1d2c3e5a7f0 ADDR 3f4a2c1400 MISC 86 PPIN 2b69e294c148024 ",
                "[  611.902148] mce: [Hardware Error]: PROCESSOR 0:50657 TIME 1795255200 SOCKET 0 APIC 18 microcode 5003604",
                "[  611.902150] mce: [Hardware Error]: Machine check: Data load in unrecoverable area of kernel",
                "[  611.902151] Kernel panic - not syncing: Fatal local machine check");
        assertEquals(2, events.size());
        assertKeywords("mce: [Hardware Error]: RIP !INEXACT! 10:<ffffffff8152c5e8> {copy_mc_fragile+0x48/0x70}");
        assertMce(events.get(0), "uncorrected", "0x3f4a2c1400", 3, 1, "0xbd80000000100134", "Machine Check Exception");
        assertEquals(4L, events.get(0).origin().endLine());
        assertMce(events.get(1), "fatal", null, null, null, null,
                "Machine check: Data load in unrecoverable area of kernel");
        assertEquals(5L, events.get(1).origin().line());
    }

    @Test
    void processorContextCorruptIsFatal() {
        Mce mce = one("[  100.000000] mce: [Hardware Error]: CPU 0: Machine Check Exception: 5 Bank 4: b200000000070f0f",
                "[  100.000001] mce: [Hardware Error]: TSC 0 ");
        assertMce(mce, "fatal", null, 0, 4, "0xb200000000070f0f", "Machine Check Exception");
        assertEquals(2L, mce.origin().endLine()); // closed at the end of the input
    }

    @Test
    void readsAn3xDumpWithoutPrefixOrMicrocode() {
        Mce mce = one(
                "[ 9000.000001] [Hardware Error]: CPU 0: Machine Check Exception: 5 Bank 4: b200000000070f0f",
                "[ 9000.000002] [Hardware Error]: RIP 10:<ffffffff8103f0a1> {intel_idle+0xb1/0x170}",
                "[ 9000.000003] [Hardware Error]: TSC 1a2b3c4d ADDR 12345000 ",
                "[ 9000.000004] [Hardware Error]: PROCESSOR 0:306e7 TIME 1443085683 SOCKET 2 APIC 40",
                "[ 9000.000005] [Hardware Error]: Run the above through 'mcelog --ascii'");
        assertMce(mce, "fatal", "0x12345000", 0, 4, "0xb200000000070f0f", "Machine Check Exception");
        assertEquals(5L, mce.origin().endLine());
    }

    @Test
    void aNewHeaderClosesThePreviousDump() {
        assertKeywords("mce: [Hardware Error]: TSC 0 ADDR 1000 MISC 86 ", "[Hardware Error]: PPIN 2b69e294c148024 ",
                "mce: [Hardware Error]: SYND 4d000000 IPID 1002e00000000 ");
        List<Mce> events = all(
                "[  100.000000] mce: [Hardware Error]: CPU 1: Machine Check: 0 Bank 7: cc00008000010090",
                "[  100.000001] mce: [Hardware Error]: TSC 0 ADDR 1000 MISC 86 ",
                "[  100.000002] mce: [Hardware Error]: CPU 2: Machine Check: 0 Bank 8: 8c00004000010092",
                "[  100.000003] mce: [Hardware Error]: TSC 0 ADDR 2000 ");
        assertEquals(2, events.size());
        assertMce(events.get(0), "corrected", "0x1000", 1, 7, "0xcc00008000010090", "Machine Check");
        assertEquals(2L, events.get(0).origin().endLine());
        assertMce(events.get(1), "corrected", "0x2000", 2, 8, "0x8c00004000010092", "Machine Check");
        assertEquals(3L, events.get(1).origin().line());
        assertEquals(4L, events.get(1).origin().endLine());
    }

    @Test
    void aForeignLineClosesTheDumpAndIsLeftToOthers() {
        FamilyReader reader = family.newReader();
        List<Event> events = new ArrayList<>();
        assertTrue(reader.offer(LogRecord.of("t", 1, "mce: [Hardware Error]: CPU 1: Machine Check: 0 Bank 7: cc00008000010090"),
                events::add));
        assertTrue(reader.inBlock());
        assertTrue(reader.offer(LogRecord.of("t", 2, "mce: [Hardware Error]: TSC 0 ADDR 1000 "), events::add));
        assertTrue(events.isEmpty());
        assertFalse(reader.offer(LogRecord.of("t", 3, "Kernel panic - not syncing: Fatal machine check"), events::add));
        assertFalse(reader.inBlock());
        assertEquals(1, events.size());
        assertEquals(2L, events.get(0).origin().endLine());
        reader.finish(events::add);
        assertEquals(1, events.size());
    }

    @Test
    void aStrayDumpLineIsNotAnEvent() {
        FamilyReader reader = family.newReader();
        List<Event> events = new ArrayList<>();
        assertFalse(reader.offer(LogRecord.of("t", 1, "mce: [Hardware Error]: TSC 0 ADDR 207b9e1040 MISC 9a00000086 "),
                events::add));
        assertFalse(reader.inBlock());
        reader.finish(events::add);
        assertTrue(events.isEmpty());
    }

    @Test
    void joinsTheEdacDriversMirrorOfTheDump() {
        List<Mce> events = all(
                "[21352.056890] EDAC skx MC0: HANDLING MCE MEMORY ERROR",
                "[21352.056892] EDAC skx MC0: CPU 0: Machine Check Event: 0x0 Bank 255: 0xbc0000000000009f",
                "[21352.056894] EDAC skx MC0: TSC 0x0",
                "[21352.056895] EDAC skx MC0: ADDR 0x1850603200",
                "[21352.056897] EDAC skx MC0: MISC 0x8c",
                "[21352.056898] EDAC skx MC0: PROCESSOR 0:0x50656 TIME 1642758243 SOCKET 0 APIC 0x0",
                "[21352.056909] EDAC MC0: 1 UE memory read error on CPU_SrcID#0_MC#0_Chan#0_DIMM#1 (channel:0 slot:1 page:0x1850603 offset:0x200 grain:32 -  err_code:0x0000:0x009f [..]");
        assertEquals(1, events.size());
        assertKeywords("[21352.056892] EDAC skx MC0: CPU 0: Machine Check Event: 0x0 Bank 255: 0xbc0000000000009f",
                "[21352.056894] EDAC skx MC0: TSC 0x0", "[21352.056895] EDAC skx MC0: ADDR 0x1850603200",
                "[21352.056897] EDAC skx MC0: MISC 0x8c",
                "[21352.056898] EDAC skx MC0: PROCESSOR 0:0x50656 TIME 1642758243 SOCKET 0 APIC 0x0");
        assertMce(events.get(0), "uncorrected", "0x1850603200", 0, 255, "0xbc0000000000009f", "Machine Check Event");
        assertEquals(2L, events.get(0).origin().line());
        assertEquals(6L, events.get(0).origin().endLine());

        Mce sbridge = one("[1281891.931570] EDAC sbridge MC1: CPU 24: Machine Check Event: 0 Bank 7: 8c00004000010092",
                "[1281891.931571] EDAC sbridge MC1: TSC 0 ");
        assertMce(sbridge, "corrected", null, 24, 7, "0x8c00004000010092", "Machine Check Event");
    }

    @Test
    void derivesSeverityFromTheStatusBits() {
        assertEquals("corrected", MceReader.severity(Hex.parse("0x9c00000000000000")));
        assertEquals("uncorrected", MceReader.severity(Hex.parse("0xbd80000000100134")));
        assertEquals("fatal", MceReader.severity(Hex.parse("0xb200000000070f0f")));
    }

    // --- one-line messages ---------------------------------------------------------------------

    @Test
    void readsTheUserAccessError() {
        Mce mce = one("[ 2439.742296] mce: Uncorrected hardware memory error in user-access at 1850602400");
        assertMce(mce, "recoverable", "0x1850602400", null, null, null, "Uncorrected hardware memory error in user-access");
        assertEquals(1L, mce.origin().endLine());
    }

    @Test
    void readsMemoryErrorNotRecovered() {
        assertMce(one("[  300.000000] mce: Memory error not recovered"), "uncorrected", null, null, null, null,
                "Memory error not recovered");
    }

    @Test
    void readsKernelAccessedPoison() {
        assertMce(one("[  300.000000] mce: Kernel accessed poison in user space at 3f4a2c1400"), "recoverable",
                "0x3f4a2c1400", null, null, null, "Kernel accessed poison in user space");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[ 2439.769949] mce: [Hardware Error]: Machine check events logged",
            "[ 1354.101154] core: [Hardware Error]: Machine check events logged              ",
            "[  100.000000] [Hardware Error]: Machine check events logged"})
    void readsMachineCheckEventsLogged(String line) {
        assertMce(one(line), null, null, null, null, null, "Machine check events logged");
    }

    @Test
    void readsFakePanic() {
        assertMce(one("[  300.000000] mce: [Hardware Error]: Fake kernel panic: Processor context corrupt"), "fatal", null,
                null, null, null, "Fake kernel panic: Processor context corrupt");
    }

    @Test
    void readsTheIgnoredPageOfKernelsWithoutMemoryFailure() {
        assertMce(one("[  300.000000] mce: Uncorrected memory error in page 0x3a5876 ignored"), "uncorrected",
                "0x3a5876000", null, null, null, "Uncorrected memory error in page ignored");
    }

    @Test
    void readsCmciStormsOfBothEras() {
        assertMce(one("[ 8101.002233] mce: CMCI storm detected: switching to poll mode"), "corrected", null, null, null,
                null, "CMCI storm detected: switching to poll mode");
        assertMce(one("Sep 24 10:00:00 host kernel: CMCI storm subsided: switching to interrupt mode"), "corrected",
                null, null, null, null, "CMCI storm subsided: switching to interrupt mode");
        assertMce(one("[ 8101.002301] CPU7 BANK9 CMCI storm detected"), "corrected", null, 7, 9, null,
                "CMCI storm detected");
    }

    @Test
    void readsCpusNotResponding() {
        assertMce(one("[  300.000000] mce: CPUs not responding to MCE broadcast (may include false positives): 3,17-18"),
                null, null, null, null, null,
                "CPUs not responding to MCE broadcast (may include false positives): 3,17-18");
    }

    // --- near misses ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "[  313.747613] [Hardware Error]: CPU:0 (19:61:2) MC21_STATUS[Over|CE|MiscV|AddrV|-|-|SyndV|CECC|-|-|-]: 0xdc2040000400011b",
            "[51295.733463] mce: umc_normaddr_to_sysaddr: Invalid DramBaseAddress range: 0x0.",
            "[ 9021.443350] mce: Memory error may not recovered: 0x3f4a2c1: Sending SIGBUS to stress-ng:4242 due to hardware memory corruption",
            "[29076.551909] {3}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 0",
            "[21352.056909] EDAC MC0: 1 UE memory read error on CPU_SrcID#0_MC#0_Chan#0_DIMM#1 (channel:0 slot:1 page:0x1850603 offset:0x200 grain:32)",
            "[21352.056890] EDAC skx MC0: HANDLING MCE MEMORY ERROR",
            "[ 1354.101088] Triggering MCE exception on CPU 3",
            "[ 1354.101154] mce_notify_irq: 22 callbacks suppressed",
            "[ 2439.742296] mce: Uncorrected hardware memory error in user-access at",
            "[ 4821.123460] mce: [Hardware Error]: CPU 12: Machine Check: 0 Bank 7: zz",
            "[ 4821.123460] mce: [Hardware Error]: CPU 12: Machine Check: 0 Bank 7: 1cc00008000010090cc",
            "[ 4821.123463] mce: [Hardware Error]: Run the above through 'mcelog --ascii'",
            "[    0.500000] mce: CPU0: Thermal monitoring enabled (TM1)",
            "[ 2439.769949] mce: [Hardware Error]: Machine check: "})
    void rejectsNearMisses(String line) {
        List<Event> events = FamilyTester.read(family, line);
        assertTrue(events.isEmpty(), () -> "expected nothing from " + line + " but got " + events);
    }

    @Test
    void oneLinersAreNotDumpBlocks() {
        FamilyReader reader = family.newReader();
        List<Event> events = new ArrayList<>();
        assertTrue(reader.offer(LogRecord.of("t", 1, "mce: [Hardware Error]: Machine check events logged"), events::add));
        assertFalse(reader.inBlock());
        assertEquals(1, events.size());
        assertNull(((Mce) events.get(0)).cpu());
    }
}
