package dev.daxray.families.rasdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.CeThreshold;
import dev.daxray.events.DimmErrors;
import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.IoError;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.SoftOffline;
import dev.daxray.families.FamilyTester;

/** ras-mc-ctl's outputs, rasdaemon's page isolation messages and a dump of its database (§2). */
class RasdaemonFamilyTest {

    private static final RasdaemonFamily FAMILY = new RasdaemonFamily();

    @Test
    void errorRowsBecomeTheTracepointsEvents() {
        List<Event> events = FamilyTester.read(FAMILY, "Memory controller events:",
                "3 2026-11-21 10:20:34 +0100 1 Uncorrected error(s): memory read error at CPU_SrcID#0_MC#0_Chan#2_DIMM#0"
                        + " location: 0:2:0:-1, addr 14068670464, grain 6, syndrome 0 err_code:0x0000:0x0092",
                "", "PCIe AER events:", "1 2026-11-21 11:02:17 +0100 0000:3b:00.0 Corrected error: Receiver Error (First)",
                "", "No Extlog errors.", "", "Memory failure events:",
                "1 2026-11-21 10:20:34 +0100 error: pfn=0x3468ee, page_type=dirty LRU page, action_result=Recovered",
                "", "MCE events:",
                "83 2026-08-24 03:41:13 +0200 error: Corrected error, no action required., CPU 2, bank Unified Memory"
                        + " Controller (bank=17), mcg mcgstatus=0, mci CECC, mca DRAM ECC error. Ext Err Code: 0 Memory Error"
                        + " 'mem-tx: generic read, tx: generic, level: L3/generic', memory_channel=0,csrow=2,"
                        + " mcgcap=0x0000011c, status=0x9c2041000000011b, addr=0x27aad20c0, misc=0xd01a001401000000,"
                        + " walltime=0x6a8ba139, cpuid=0x00870f10, bank=0x00000011, microcode=0x08701034");
        assertEquals(4, events.size(), events::toString);
        Edac edac = (Edac) events.get(0);
        assertEquals("uncorrected", edac.severity());
        assertEquals(Hex.parse("0x3468ee000"), edac.physAddr());
        assertEquals("CPU_SrcID#0_MC#0_Chan#2_DIMM#0", edac.label());
        assertEquals(Integer.valueOf(0), edac.mc());
        assertEquals("location:2:0:-1", edac.location(), "ras-mc-ctl prints mc:top:middle:lower; the tracepoint's location is the layers");
        assertEquals("2026-11-21T10:20:34+01:00", edac.origin().wall());
        assertEquals("0000:3b:00.0", ((IoError) events.get(1)).device());
        assertEquals(Hex.parse("0x3468ee"), ((MemoryFailure) events.get(2)).pfn());
        Mce mce = (Mce) events.get(3);
        assertEquals(17, mce.bank());
        assertEquals("corrected", mce.severity());
        assertEquals(Hex.parse("0x27aad20c0"), mce.physAddr(), "ADDRV is set in the status");
        assertEquals("Corrected error, no action required.", mce.message(), "the decoded text keeps its comma");
    }

    @Test
    void summaryAndErrorCountRowsAreDimmCounters() {
        List<Event> events = FamilyTester.read(FAMILY, "Memory controller events summary:",
                "\tCorrected on DIMM Label(s): 'CPU_SrcID#0_MC#0_Chan#1_DIMM#0' location: 0:1:0:-1 errors: 2", "",
                "MCE records summary:", "\t1 MEMORY CONTROLLER RD_CHANNEL2_ERR Transaction: Memory read error errors",
                "Label                         \tCE\tUE", "CPU_SrcID#0_MC#0_Chan#0_DIMM#0\t0\t0",
                "CPU_SrcID#0_MC#0_Chan#2_DIMM#0\t0\t1");
        assertEquals(2, events.size(), events::toString);
        DimmErrors summary = (DimmErrors) events.get(0);
        assertEquals(2L, summary.corrected());
        assertEquals("0:1:0:-1", summary.location());
        assertEquals(1L, ((DimmErrors) events.get(1)).uncorrected());
    }

    @Test
    void pageIsolationMessages() {
        List<Event> events = FamilyTester.read(FAMILY, "rasdaemon: Corrected Errors at 0x3ffe4c1000 exceeded threshold",
                "rasdaemon: [ALERT] Result of offlining page at 0x3ffe4c1000: offlined",
                "rasdaemon: Result of offlining page at 0x1a2b3000: online");
        assertEquals(2, events.size(), events::toString);
        assertEquals(Hex.parse("0x3ffe4c1"), ((CeThreshold) events.get(0)).pfn());
        assertEquals(Hex.parse("0x3ffe4c1"), ((SoftOffline) events.get(1)).pfn());
    }

    @Test
    void aDumpOfTheDatabaseReadsRowsByTheirTablesColumns() {
        List<Event> events = FamilyTester.read(FAMILY, "PRAGMA foreign_keys=OFF;", "BEGIN TRANSACTION;",
                "CREATE TABLE memory_failure_event (id INTEGER PRIMARY KEY, timestamp TEXT, pfn TEXT, page_type TEXT, action_result TEXT);",
                "INSERT INTO memory_failure_event VALUES(1,'2020-10-02 13:27:13 -0400','0x204000000','free buddy page','Delayed');",
                "CREATE TABLE aer_event (id INTEGER PRIMARY KEY, timestamp TEXT, err_type TEXT, err_msg TEXT, dev_name TEXT);",
                "INSERT INTO \"aer_event\" VALUES(1,'2020-10-02 13:30:00 -0400','Corrected','Bad TLP','0000:00:1c.0');",
                "INSERT INTO devlink_event VALUES(1,'2020-10-02 13:31:00 -0400','pci','x','mlx5_core','fw','it''s');",
                "COMMIT;");
        assertEquals(2, events.size(), events::toString);
        MemoryFailure mf = (MemoryFailure) events.get(0);
        assertEquals(Hex.parse("0x204000000"), mf.pfn());
        assertEquals("2020-10-02T13:27:13-04:00", mf.origin().wall());
        assertEquals("0000:00:1c.0", ((IoError) events.get(1)).device(), "columns by name: an upgraded table added dev_name last");
    }

    @Test
    void aRowThatIsNotOneIsNoEvent() {
        assertTrue(FamilyTester.read(FAMILY, "MCE events:", "not a row").isEmpty());
        assertTrue(FamilyTester.read(FAMILY, "INSERT INTO memory_failure_event VALUES(1,'x');").isEmpty());
    }
}
