package dev.daxray.families.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;
import dev.daxray.events.IpmiSel;
import dev.daxray.families.FamilyTester;

/** ipmitool's SEL listings (ras-tools-formats.md §3), every column layout and date form. */
class IpmiSelFamilyTest {

    private static final IpmiSelFamily FAMILY = new IpmiSelFamily();

    private static IpmiSel one(String line) {
        return FamilyTester.one(IpmiSel.class, FAMILY, line);
    }

    @Test
    void aListRowWithTheCpuDimmColumn() {
        IpmiSel sel = one("  1b | 01/15/2024 | 10:22:31 | Memory | Uncorrectable ECC | Asserted | CPU 1 DIMM 2");
        assertEquals("1b", sel.record());
        assertEquals("2024-01-15T10:22:31", sel.origin().wall());
        assertEquals("Memory", sel.sensorType());
        assertEquals("Uncorrectable ECC", sel.event());
        assertEquals("asserted", sel.state());
        assertEquals("CPU 1 DIMM 2", sel.dimm());
        assertEquals("uncorrected", sel.severity());
    }

    @Test
    void vendorDecodesNameTheDimm() {
        assertEquals("DIMMA1(CPU1)", one("   5 | 11/21/26 | 10:21:19 UTC | Memory CPU1_DIMM_C1 | Uncorrectable ECC (@DIMMA1(CPU1)) | Asserted").dimm());
        assertEquals("CPU0_G1", one("  3a | 12/14/22 | 23:09:44 CET | Memory #0x88 | Correctable ECC (CPU0_G1) | Asserted").dimm());
        IpmiSel dell = one("  1c | 01/15/2024 | 10:22:31 | Memory #0x60 | Correctable ECC (Correctable ECC |  DIMMA1) | Asserted");
        assertEquals("Correctable ECC (Correctable ECC |  DIMMA1)", dell.event(), "the description keeps its own ' | '");
        assertEquals("DIMMA1", dell.dimm());
        assertEquals("corrected", dell.severity());
    }

    @Test
    void datesOfEveryVersionAndLocale() {
        assertEquals("2022-12-14T23:09:44", one("  3a | 12/14/22 | 23:09:44 CET | Memory #0x88 | Correctable ECC | Asserted").origin().wall());
        assertEquals("2024-01-15T22:22:31", one("  3c | 01/15/2024 | 10:22:31 PM UTC | Memory | Parity | Asserted").origin().wall());
        assertEquals("2024-01-15T10:22:35", one("  3d | 15.01.2024 | 10:22:35 CET | Memory | Parity | Deasserted").origin().wall());
        IpmiSel pre = one("   5 |  Pre-Init  |0000012345| Memory #0x01 | Correctable ECC | Asserted");
        assertNull(pre.origin().wall(), "seconds since the BMC started: no date");
        assertEquals("Memory #0x01", pre.sensor());
    }

    @Test
    void aVerboseRecordAndTheSdrBlockAfterIt() {
        List<Event> events = FamilyTester.read(FAMILY, "SEL Record ID          : 0005", " Record Type           : 02",
                " Timestamp             : 11/21/26 10:21:19 UTC", " Sensor Type           : Memory",
                " Sensor Number         : 00", " Event Direction       : Assertion Event",
                " Event Data            : CPU 0 DIMM 2", " Description           : Uncorrectable ECC", "",
                "Sensor ID              : CPU1_DIMM_C1 (0x8)", " States Asserted       : Memory",
                "                         [Uncorrectable ECC]");
        assertEquals(1, events.size());
        IpmiSel sel = (IpmiSel) events.get(0);
        assertEquals("5", sel.record(), "the same id as the listing's '   5'");
        assertEquals("CPU 0 DIMM 2", sel.dimm());
        assertEquals("asserted", sel.state());
        assertEquals("2026-11-21T10:21:19", sel.origin().wall());
        assertEquals(8, sel.origin().endLine());
    }

    @Test
    void oemRecordsAndOtherTextAreNoEvents() {
        assertTrue(FamilyTester.read(FAMILY, "  1f | 01/15/2024 | 11:05:00 | OEM record c0 | 000157 | 010203040506").isEmpty());
        assertTrue(FamilyTester.read(FAMILY, "a | b | c | Asserted").isEmpty());
    }
}
