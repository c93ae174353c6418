package dev.daxray.families.mcelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.CeThreshold;
import dev.daxray.events.DimmErrors;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.events.SoftOffline;
import dev.daxray.families.FamilyTester;
import dev.daxray.matches.EventFields;

/** mcelog's decoded records, threshold and offline messages and client summaries (ras-tools-formats.md §1). */
class McelogFamilyTest {

    private static final McelogFamily FAMILY = new McelogFamily();

    private static final String[] RECORD = {
        "Hardware event. This is not a software error.",
        "MCE 0",
        "CPU 2 BANK 7 TSC 1a2b3c4d5e6f ",
        "MISC 200001c020001086 ADDR 3ffe4c1a40 ",
        "TIME 1705314151 Mon Jan 15 10:22:31 2024",
        "MCG status:",
        "MCi status:",
        "Corrected error",
        "Error enabled",
        "MCi_MISC register valid",
        "MCi_ADDR register valid",
        "MCA: MEMORY CONTROLLER RD_CHANNEL1_ERR",
        "Transaction: Memory read error",
        "M2M: MscodDataRdErr",
        "STATUS 9c00004001010091 MCGSTATUS 0",
        "MCGCAP f000c14 APICID 4 SOCKETID 0 ",
        "PPIN 3b2a1f0e9d8c7b6a",
        "MICROCODE 2007006",
        "CPUID Vendor Intel Family 6 Model 85 Step 4",
    };

    @Test
    void aDecodedRecordIsOneMceWithItsPageAndTime() {
        Mce mce = FamilyTester.one(Mce.class, FAMILY, RECORD);
        assertEquals(2, mce.cpu());
        assertEquals(7, mce.bank());
        assertEquals(Hex.parse("9c00004001010091"), mce.status());
        assertEquals("corrected", mce.severity());
        assertEquals(Hex.parse("3ffe4c1a40"), mce.physAddr());
        assertEquals(Hex.parse("3ffe4c1"), EventFields.hex(mce, "pfn"), "the schema derives the page from ADDR");
        assertEquals("MEMORY CONTROLLER RD_CHANNEL1_ERR Transaction: Memory read error", mce.message());
        assertEquals("2024-01-15T10:22:31Z", mce.origin().wall(), "TIME is the epoch: the ctime text is local");
        assertEquals(1, mce.origin().line());
        assertEquals(RECORD.length, mce.origin().endLine());
    }

    @Test
    void recordsFollowEachOtherWithoutBlankLinesAndAGluedStatusIsRead() {
        String[] two = new String[RECORD.length * 2];
        System.arraycopy(RECORD, 0, two, 0, RECORD.length);
        System.arraycopy(RECORD, 0, two, RECORD.length, RECORD.length);
        two[RECORD.length + 13] = "MemCtrl: STATUS bd80000000100134 MCGSTATUS 5";
        two[RECORD.length + 14] = "MCGCAP f000c14 APICID 4 SOCKETID 0 ";
        List<Event> events = FamilyTester.read(FAMILY, two);
        assertEquals(2, events.size());
        assertEquals("uncorrected", ((Mce) events.get(1)).severity());
    }

    @Test
    void thePre2010DisclaimerAndAnAsciiDecodeWithoutOne() {
        Mce old = FamilyTester.one(Mce.class, FAMILY, "HARDWARE ERROR. This is *NOT* a software problem!",
                "Please contact your hardware vendor", "CPU 1 BANK 4 TSC 3ef2e5ba2e8 ", "MCG status:MCIP ",
                "MCi status:", "Uncorrected error", "Processor context corrupt",
                "MCA: BUS Level-Generic Generic Generic Request-timeout Error", "STATUS b200000000070f0f MCGSTATUS 4");
        assertEquals("fatal", old.severity());
        assertNull(old.physAddr());
        Mce ascii = FamilyTester.one(Mce.class, FAMILY, "CPU 1 BANK 4 TSC 3ef2e5ba2e8 ", "MCi status:",
                "STATUS b200000000070f0f MCGSTATUS 4");
        assertEquals(4, ascii.bank());
    }

    @Test
    void thresholdAndOfflineMessagesTakeTheTimeOfTheRecordAfterThem() {
        String[] lines = new String[RECORD.length + 4];
        lines[0] = "Corrected memory errors on page 3ffe4c1000 exceed threshold 3 in 24h: 3 in 24h";
        lines[1] = "Location SOCKET:0 CHANNEL:1 DIMM:? []";
        lines[2] = "Running trigger `/etc/mcelog/page-error-trigger' (reporter: page)";
        lines[3] = "Offlining page 3ffe4c1000";
        System.arraycopy(RECORD, 0, lines, 4, RECORD.length);
        List<Event> events = FamilyTester.read(FAMILY, lines);
        assertEquals(3, events.size(), events::toString);
        CeThreshold threshold = (CeThreshold) events.get(0);
        assertEquals("page", threshold.scope());
        assertEquals(Hex.parse("3ffe4c1"), threshold.pfn());
        assertEquals("SOCKET:0 CHANNEL:1 DIMM:? []", threshold.location());
        assertEquals("3 in 24h", threshold.count());
        assertEquals("2024-01-15T10:22:31Z", threshold.origin().wall());
        SoftOffline offline = (SoftOffline) events.get(1);
        assertEquals(Hex.parse("3ffe4c1"), offline.pfn());
        assertEquals(4, offline.origin().line());
        assertTrue(events.get(2) instanceof Mce);
    }

    @Test
    void clientSummaryListsDimmsWithErrorsAndOfflinePages() {
        List<Event> events = FamilyTester.read(FAMILY, "Memory errors", "SOCKET 0 CHANNEL 1 DIMM any",
                "DMI_NAME \"DIMM_A2\" DMI_LOCATION \"NODE 0\"", "corrected memory errors:", "\t3 total", "\t3 in 24h",
                "uncorrected memory errors:", "\t0 total", "\t0 in 24h", "", "SOCKET 1 CHANNEL any DIMM any",
                "corrected memory errors:", "\t0 total", "\t0 in 24h", "uncorrected memory errors:", "\t0 total",
                "\t0 in 24h", "", "Per page corrected memory statistics:",
                "3ffe4c1000: total 3 seen \"3 in 24h\" offline triggered", "1a2b3000: total 1 seen \"1 in 24h\" online", "");
        assertEquals(2, events.size(), events::toString);
        DimmErrors dimm = (DimmErrors) events.get(0);
        assertEquals("DIMM_A2", dimm.dimm());
        assertEquals("SOCKET:0 CHANNEL:1 DIMM:any", dimm.location());
        assertEquals(3L, dimm.corrected());
        assertEquals(0L, dimm.uncorrected());
        assertEquals(Hex.parse("3ffe4c1"), ((SoftOffline) events.get(1)).pfn());
    }

    @Test
    void syslogLinesOfOtherProgramsInsideARecordAreNotItsEnd() {
        String[] lines = new String[RECORD.length + 1];
        for (int i = 0, j = 0; i < lines.length; i++) {
            lines[i] = i == 5 ? "Nov 21 10:20:35 web-07 systemd: Started Session 1043 of user root."
                    : "Nov 21 10:20:35 web-07 mcelog[2226]: " + RECORD[j++];
        }
        Mce mce = FamilyTester.one(Mce.class, FAMILY, lines);
        assertEquals(Hex.parse("9c00004001010091"), mce.status());
        assertEquals(lines.length, mce.origin().endLine());
    }
}
