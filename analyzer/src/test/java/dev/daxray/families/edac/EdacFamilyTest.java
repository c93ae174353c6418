package dev.daxray.families.edac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.families.FamilyTester;

class EdacFamilyTest {

    private final EdacFamily family = new EdacFamily();

    /** The one event of {@code line}, which (being accepted) must carry one of the family's keywords. */
    private Edac one(String line) {
        assertTrue(family.keywords().stream().anyMatch(line::contains), () -> "no keyword in accepted line " + line);
        return FamilyTester.one(Edac.class, family, line);
    }

    private static Hex hex(String text) {
        return text == null ? null : Hex.parse(text);
    }

    private static void assertEdac(Edac e, Integer mc, String severity, Integer count, String message, String label,
                                   String location, String pfn, String offset, Integer grain, String physAddr,
                                   String detail) {
        assertEquals(mc, e.mc(), "mc");
        assertEquals(severity, e.severity(), "severity");
        assertEquals(count, e.count(), "count");
        assertEquals(message, e.message(), "message");
        assertEquals(label, e.label(), "label");
        assertEquals(location, e.location(), "location");
        assertEquals(hex(pfn), e.pfn(), "pfn");
        assertEquals(hex(offset), e.offset(), "offset");
        assertEquals(grain, e.grain(), "grain");
        assertEquals(hex(physAddr), e.physAddr(), "physAddr");
        assertEquals(detail, e.detail(), "detail");
    }

    @Test
    void readsASbEdacCorrectedErrorWithSyndromeAndDetail() {
        Edac e = one("[1281891.931578] EDAC MC1: 5 CE memory read error on CPU_SrcID#2_Channel#2_DIMM#0 (channel:2 slot:0 page:0x2007e9ea offset:0x100 grain:32 syndrome:0x0 -  OVERFLOW area:DRAM err_code:0001:0092 socket:2 channel_mask:2 rank:0)");
        assertEdac(e, 1, "corrected", 5, "memory read error", "CPU_SrcID#2_Channel#2_DIMM#0", "channel:2 slot:0",
                "0x2007e9ea", "0x100", 32, "0x2007e9ea100",
                "OVERFLOW area:DRAM err_code:0001:0092 socket:2 channel_mask:2 rank:0");
        assertEquals(1281891931578L, e.origin().micros());
    }

    @Test
    void readsAnUncorrectedErrorWithoutSyndrome() {
        Edac e = one("[  733.100442] EDAC MC0: 1 UE memory read error on CPU_SrcID#0_MC#0_Chan#1_DIMM#0 (channel:1 slot:0 page:0x207b9e1 offset:0x40 grain:32 -  err_code:0x0000:0x0090 ...)");
        assertEdac(e, 0, "uncorrected", 1, "memory read error", "CPU_SrcID#0_MC#0_Chan#1_DIMM#0", "channel:1 slot:0",
                "0x207b9e1", "0x40", 32, "0x207b9e1040", "err_code:0x0000:0x0090 ...");
    }

    @Test
    void prefersTheDriversSystemAddress() {
        Edac e = one("[29077.877682] EDAC MC0: 1 UE memory read error on CPU_SrcID#0_MC#0_Chan#0_DIMM#1 (channel:0 slot:1 page:0x40a0602 offset:0x400 grain:32 -  err_code:0x0000:0x009f  SystemAddress:0x40a0602400 DevicePhysicalAddress:0x30602400 ProcessorSocketId:0x0 MemoryControllerId:0x0 ChannelAddress:0x430602400 ChannelId:0x0 PhysicalRankId:0x0 DimmSlotId:0x1 ChipSelect:0x4)");
        assertEdac(e, 0, "uncorrected", 1, "memory read error", "CPU_SrcID#0_MC#0_Chan#0_DIMM#1", "channel:0 slot:1",
                "0x40a0602", "0x400", 32, "0x40a0602400",
                "err_code:0x0000:0x009f  SystemAddress:0x40a0602400 DevicePhysicalAddress:0x30602400 ProcessorSocketId:0x0 MemoryControllerId:0x0 ChannelAddress:0x430602400 ChannelId:0x0 PhysicalRankId:0x0 DimmSlotId:0x1 ChipSelect:0x4");
    }

    @Test
    void readsGhesEdacWithParenthesesInTheDetail() {
        Edac e = one("[ 2335.677847] EDAC MC0: 1 CE single-symbol chipkill ECC on 0x0000 (node:0 card:0 module:0 rank:0 bank:770 bank_group:3 bank_address:2 device:0 row:6510 column:1544 bit_position:0 requestor_id:0x0000000000000000 responder_id:0x0000000000000000 target_id:0x0000000000000000 chip_id:0 DIMM location: not present. DMI handle: 0x0000 page:0x8cb743 offset:0x20 grain:1 syndrome:0x0 - APEI location: node:0 card:0 module:0 rank:0 bank:770 bank_group:3 bank_address:2 device:0 row:6510 column:1544 bit_position:0 requestor_id: 0x0000000000000000 responder_id:0x0000000000000000 target_id:0x0000000000000000 chip_id:0 DIMM location: not present. DMI handle: 0x0000 status(0x0000000000000000): Reserved)");
        assertEdac(e, 0, "corrected", 1, "single-symbol chipkill ECC", "0x0000",
                "node:0 card:0 module:0 rank:0 bank:770 bank_group:3 bank_address:2 device:0 row:6510 column:1544 bit_position:0 requestor_id:0x0000000000000000 responder_id:0x0000000000000000 target_id:0x0000000000000000 chip_id:0 DIMM location: not present. DMI handle: 0x0000",
                "0x8cb743", "0x20", 1, "0x8cb743020",
                "APEI location: node:0 card:0 module:0 rank:0 bank:770 bank_group:3 bank_address:2 device:0 row:6510 column:1544 bit_position:0 requestor_id: 0x0000000000000000 responder_id:0x0000000000000000 target_id:0x0000000000000000 chip_id:0 DIMM location: not present. DMI handle: 0x0000 status(0x0000000000000000): Reserved");
    }

    @Test
    void readsArmGhesUnknownMemory() {
        Edac e = one("[ 1419.919580][ T9955] EDAC MC0: 1 UE Multi-bit ECC on unknown memory (node:0 card:1 module:71 bank:7 row:0 col:0 page:0x1000093 offset:0xc00 grain:1 - APEI location: node:0 card:257 module:71 bank:7 row:0 col:0)");
        assertEdac(e, 0, "uncorrected", 1, "Multi-bit ECC", "unknown memory", "node:0 card:1 module:71 bank:7 row:0 col:0",
                "0x1000093", "0xc00", 1, "0x1000093c00", "APEI location: node:0 card:257 module:71 bank:7 row:0 col:0");
    }

    @Test
    void anUndecodableAddressHasNoPhysicalAddress() {
        Edac e = one("[51295.733471] EDAC MC0: 1 UE Cannot decode normalized address on mc#0csrow#0channel#2 (csrow:0 channel:2 page:0x0 offset:0x0 grain:64)");
        assertEdac(e, 0, "uncorrected", 1, "Cannot decode normalized address", "mc#0csrow#0channel#2",
                "csrow:0 channel:2", null, "0x0", 64, null, null);

        Edac ce = one("[  313.747669] EDAC MC0: 1 CE Cannot decode normalized address on mc#0csrow#3channel#0 (csrow:3 channel:0 page:0x0 offset:0x0 grain:64 syndrome:0x1)");
        assertEdac(ce, 0, "corrected", 1, "Cannot decode normalized address", "mc#0csrow#3channel#0",
                "csrow:3 channel:0", null, "0x0", 64, null, null);
    }

    @Test
    void toleratesAnElidedTail() {
        Edac e = one("[21352.056909] EDAC MC0: 1 UE memory read error on CPU_SrcID#0_MC#0_Chan#0_DIMM#1 (channel:0 slot:1 page:0x1850603 offset:0x200 grain:32 -  err_code:0x0000:0x009f [..]");
        assertEdac(e, 0, "uncorrected", 1, "memory read error", "CPU_SrcID#0_MC#0_Chan#0_DIMM#1", "channel:0 slot:1",
                "0x1850603", "0x200", 32, "0x1850603200", "err_code:0x0000:0x009f [..]");
    }

    @Test
    void readsAnEmptyMessageAndAnAnnotation() {
        Edac e = one("[  100.000000] EDAC MC2: 12 CE on DIMM_A1 (channel:0 slot:0 page:0x1234 offset:0x8 grain:8 syndrome:0x5a)\t<== after reboot");
        assertEdac(e, 2, "corrected", 12, null, "DIMM_A1", "channel:0 slot:0", "0x1234", "0x8", 8, "0x1234008", null);
    }

    @Test
    void readsTheOlderGhesCapitalisation() {
        Edac e = one("[  281.759984] EDAC MC0: 1 CE Single-symbol ChipKill ECC on unknown memory (node:0 card:0 module:0 rank:0 bank:1793 bank_group:7 bank_address:1 row:5310 col:520 bit_pos:0 DIMM DMI handle: 0x0000 chipID: 0 page:0x8a5f45 offset:0x20 grain:1 syndrome:0x0 - APEI location: node:0 card:0 module:0 rank:0 bank:1793 bank_group:7 bank_address:1 row:5310 col:520 bit_pos:0 DIMM DMI handle: 0x0000 chipID: 0 status(0x0000000000000000): reserved requestorID: 0x0000000000000000 responderID: 0x0000000000000000 targetID: 0x0000000000000000)");
        assertEquals("Single-symbol ChipKill ECC", e.message());
        assertEquals("unknown memory", e.label());
        assertEquals(Hex.parse("0x8a5f45020"), e.physAddr());
        assertTrue(e.detail().endsWith("targetID: 0x0000000000000000"));
    }

    @Test
    void readsThePanicOnUe() {
        Edac e = one("[  733.200000] Kernel panic - not syncing: UE memory read error on DIMM_B2 (channel:1 slot:0 page:0x207b9e1 offset:0x40 grain:32 -  err_code:0x0000:0x0090)");
        assertEdac(e, null, "uncorrected", null, "memory read error", "DIMM_B2", "channel:1 slot:0", "0x207b9e1", "0x40",
                32, "0x207b9e1040", "err_code:0x0000:0x0090");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[    2.122750] EDAC MC0: Giving out device to module amd64_edac controller F19h_M60h: DEV 0000:00:18.3 (INTERRUPT)",
            "[    2.122751] EDAC amd64: F19h_M60h detected (node 0).",
            "[    2.122754] EDAC MC: UMC0 chip selects:",
            "[    2.122755] EDAC amd64: MC: 2: 16384MB 3: 16384MB",
            "[21352.056890] EDAC skx MC0: HANDLING MCE MEMORY ERROR",
            "[21352.056892] EDAC skx MC0: CPU 0: Machine Check Event: 0x0 Bank 255: 0xbc0000000000009f",
            "[21352.056895] EDAC skx MC0: ADDR 0x1850603200",
            "[    3.000000] EDAC MC0: INTERNAL ERROR: channel value is out of range (4 >= 4)",
            "[  100.000000] EDAC MC0: 1 CE memory read error on DIMM_A1 (channel:0 slot:0 offset:0x8 grain:8)",
            "[  100.000000] EDAC MC0: CE memory read error on DIMM_A1 (channel:0 slot:0 page:0x1 offset:0x8 grain:8)",
            "[  100.000000] EDAC MC0: 1 XE memory read error on DIMM_A1 (channel:0 slot:0 page:0x1 offset:0x8 grain:8)",
            "[  100.000000] EDAC MC0: 1 CE memory read error on DIMM_A1 (channel:0 slot:0 page:0x1 offset:0x8 grain:8) trailing",
            "[  100.000000] Kernel panic - not syncing: Fatal machine check"})
    void rejectsDriverBannersAndNearMisses(String line) {
        List<Event> events = FamilyTester.read(family, line);
        assertTrue(events.isEmpty(), () -> "expected nothing from " + line + " but got " + events);
    }

    @Test
    void everyFormCarriesAKeyword() {
        assertTrue(family.keywords().stream().anyMatch(
                "Kernel panic - not syncing: UE memory read error on DIMM_B2 (channel:1 slot:0 page:0x1 offset:0x0 grain:32)"::contains));
        assertNull(one("EDAC MC0: 1 UE memory read error on DIMM_B2 (channel:1 slot:0 page:0x1 offset:0x0 grain:32)")
                .detail());
    }
}
