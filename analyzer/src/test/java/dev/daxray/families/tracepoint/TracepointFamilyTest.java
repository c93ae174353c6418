package dev.daxray.families.tracepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.CxlPoison;
import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.FsDax;
import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.IoError;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Probe;
import dev.daxray.families.FamilyTester;

/** Tracepoint payloads of reference trace-ndctl-formats.md §2.7 and §2.8, in each trace tool's line. */
class TracepointFamilyTest {

    private static final String CTX = "             app-4321    [003] d..1. 81234.567530: ";

    private final TracepointFamily family = new TracepointFamily();

    private <E extends Event> E one(Class<E> type, String line) {
        assertTrue(family.keywords().stream().anyMatch(line::contains), () -> "no keyword in accepted line " + line);
        return FamilyTester.one(type, family, line);
    }

    private List<Event> none(String line) {
        return FamilyTester.read(family, line);
    }

    private static Hex hex(String text) {
        return Hex.parse(text);
    }

    // --- memory_failure_event --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "             app-4321    [003] d..1. 81234.567530: memory_failure_event: pfn 0x219c200: recovery action for dax page: Recovered",
            "           <...>-4321    (   4321) [003] d..1. 81234.567530: memory_failure_event: pfn 0x219c200: recovery action for dax page: Recovered",
            "             app-4321  [003] 81234.567530: memory_failure_event: pfn 0x219c200: recovery action for dax page: Recovered",
            "             app-4321  [003] d..1. 81234.567530: memory_failure_event: pfn 0x219c200: recovery action for dax page: Recovered",
            "             app    4321 [003] 81234.567530: ras:memory_failure_event: pfn 0x219c200: recovery action for dax page: Recovered",
            "             app    4321 [003] 81234.567530: memory_failure:memory_failure_event: pfn 0x219c200: recovery action for dax page: Recovered"})
    void memoryFailureEventInEveryTool(String line) {
        MemoryFailure mf = one(MemoryFailure.class, line);
        assertEquals(hex("0x219c200"), mf.pfn());
        assertEquals("dax page", mf.pageType());
        assertEquals("Recovered", mf.result());
        assertEquals(81234567530L, mf.origin().micros());
    }

    @Test
    void rasdaemonMemoryFailureEventFromThe037Capture() {
        MemoryFailure mf = one(MemoryFailure.class, "<...>-785   [000]     0.000024: memory_failure_event: 2020-10-02 13:27:13 -0400 pfn=0x204000000 page_type=free buddy page action_result=Delayed ");
        assertEquals(hex("0x204000000"), mf.pfn());
        assertEquals("free buddy page", mf.pageType());
        assertEquals("Delayed", mf.result());
        assertNull(mf.origin().micros());
        assertEquals("2020-10-02T13:27:13-04:00", mf.origin().wall());
    }

    @Test
    void unknownSymbolicPageTypePrintsAsHex() {
        MemoryFailure mf = one(MemoryFailure.class, CTX + "memory_failure_event: pfn 0x1234: recovery action for 0x17: Ignored");
        assertEquals("0x17", mf.pageType());
        assertEquals("Ignored", mf.result());
    }

    // --- mce_record ----------------------------------------------------------------------------

    @Test
    void mceRecordNewestLayout() {
        Mce mce = one(Mce.class, "     kworker/3:1-219     [003] ..... 81234.566990: mce_record: CPU: 3, MCGc/s: 1000c14/5, MC7: bd80000000100134, IPID: 0000000000000000, ADDR: 000000219c200000, MISC: 000000219c20008c, SYND: 0000000000000000, RIP: 10:<ffffffff8d3a2b47>, TSC: 2b5f8e61c3a1, PPIN: 0, vendor: 0, CPUID: 606a6, time: 1718900000, socket: 0, APIC: 6, microcode: d0003b9");
        assertEquals(3, mce.cpu());
        assertEquals(7, mce.bank());
        assertEquals(hex("0xbd80000000100134"), mce.status());
        assertEquals(hex("0x219c200000"), mce.physAddr());
        assertEquals("uncorrected", mce.severity());
        assertEquals(81234566990L, mce.origin().micros());
    }

    @Test
    void theReferenceExampleStatusHasPccSetSoItIsFatal() {
        Mce mce = one(Mce.class, "     kworker/3:1-219     [003] ..... 81234.566990: mce_record: CPU: 3, MCGc/s: 1000c14/5, MC7: be00000000800090, IPID: 0000000000000000, ADDR: 000000219c200000, MISC: 000000219c20008c, SYND: 0000000000000000, RIP: 10:<ffffffff8d3a2b47>, TSC: 2b5f8e61c3a1, PPIN: 0, vendor: 0, CPUID: 606a6, time: 1718900000, socket: 0, APIC: 6, microcode: d0003b9");
        assertEquals("fatal", mce.severity(), "0xbe…: UC and PCC (bit 57) set, as MceReader reads a dmesg dump");
    }

    @Test
    void mceRecordOlderSlashedLayoutAndMicrocodeRevision() {
        Mce mce = one(Mce.class, CTX + "mce_record: CPU: 0, MCGc/s: 1000c14/5, MC8: bd80000000100134, IPID: 0000000000000000, ADDR/MISC/SYND: 00000001a2b3c400/0000000000000086/0000000000000000, RIP: 00:<0000000000000000>, TSC: 1c4a39a2c5e, PROCESSOR: 0:50657, TIME: 1700000000, SOCKET: 0, APIC: 0, MICROCODE REVISION: 5003302");
        assertEquals(8, mce.bank());
        assertEquals(hex("0x1a2b3c400"), mce.physAddr());
        assertEquals("uncorrected", mce.severity());
    }

    @Test
    void mceRecordWithVendorDataAndCorrectedStatusWithoutAddrv() {
        Mce mce = one(Mce.class, CTX + "mce_record: CPU: 12, MCGc/s: 0/0, MC17: 982040000000011b, IPID: 0000009600550f00, ADDR: 0000000000000000, MISC: d01a0ffe00000000, SYND: 0000000000000000, RIP: 00:<0000000000000000>, TSC: 0, PPIN: 0, vendor: 2, CPUID: a10f11, time: 1718900000, socket: 0, APIC: 18, microcode: a101148, vendor data: 0x0000000000000001");
        assertEquals("corrected", mce.severity());
        assertEquals(17, mce.bank());
        assertNull(mce.physAddr(), "ADDR is not valid without MCi_STATUS.ADDRV");
    }

    @Test
    void mceRecordInPerfScriptAndFatalStatus() {
        Mce mce = one(Mce.class, "     kworker/3:1     219 [003] 81234.566990: mce:mce_record: CPU: 3, MCGc/s: 1000c14/5, MC4: fe00000000800400, IPID: 0000000000000000, ADDR: 000000219c200000, MISC: 0, SYND: 0, RIP: 10:<ffffffff8d3a2b47>, TSC: 2b5f8e61c3a1, PROCESSOR: 0:606a6, TIME: 1718900000, SOCKET: 0, APIC: 6");
        assertEquals("fatal", mce.severity());
        assertEquals(4, mce.bank());
    }

    // --- mc_event, extlog_mem_event, aer_event ---------------------------------------------------

    @Test
    void mcEventFromTheReference() {
        Edac edac = one(Edac.class, CTX + "mc_event: 1 Uncorrected error: memory read error on CPU_SrcID#0_MC#1_Chan#0_DIMM#0 (mc:1 location:0:0:-1 address:0x219c200000 grain:32 syndrome:0x00000000 ...)");
        assertEquals(1, edac.mc());
        assertEquals("uncorrected", edac.severity());
        assertEquals(1, edac.count());
        assertEquals("memory read error", edac.message());
        assertEquals("CPU_SrcID#0_MC#1_Chan#0_DIMM#0", edac.label());
        assertEquals(hex("0x219c200000"), edac.physAddr());
        assertEquals(hex("0x219c200"), edac.pfn());
        assertEquals(32, edac.grain());
        assertEquals("...", edac.detail());
        assertEquals("location:0:0:-1", edac.location());
    }

    @Test
    void mcEventPluralEmptyMessageNoDetail() {
        Edac edac = one(Edac.class, CTX + "mc_event: 3 Corrected errors: on DIMM_A1 (mc:0 location:0:1:-1 address:0x00000000 grain:8 syndrome:0x0000beef)");
        assertEquals(3, edac.count());
        assertEquals("corrected", edac.severity());
        assertNull(edac.message());
        assertNull(edac.physAddr());
        assertNull(edac.detail());
    }

    @Test
    void extlogMemEventIsAGhesMemoryRecord() {
        Ghes ghes = one(Ghes.class, CTX + "extlog_mem_event: {2} recoverable error: multi-bit ECC physical addr: 000000219c200000 (mask lsb: 6) node:0 card:1 module:0 rank:1 FRU: 8b2b9e34-4c7a-4d9e-9a3b-0f1e2d3c4b5a DIMM_B1");
        assertEquals(2, ghes.record());
        assertEquals("extlog", ghes.source());
        assertEquals("recoverable", ghes.severity());
        assertEquals("memory error", ghes.sectionType());
        assertEquals("multi-bit ECC", ghes.errorTypeText());
        assertEquals(hex("0x219c200000"), ghes.physAddr());
        assertEquals(hex("0xffffffffffffffc0"), ghes.physAddrMask());
        assertEquals("node:0 card:1 module:0 rank:1", ghes.location());
        assertEquals("8b2b9e34-4c7a-4d9e-9a3b-0f1e2d3c4b5a DIMM_B1", ghes.fru());
    }

    @Test
    void aerEventIsAnIoErrorOfTheDevice() {
        IoError io = one(IoError.class, CTX + "aer_event: 0000:3b:00.0 PCIe Bus Error: severity=Uncorrected, non-fatal, Poisoned TLP, TLP Header={0x4a000001,0x0f00000f,0xc0a8c000,0x00000000}");
        assertEquals("0000:3b:00.0", io.device());
        assertEquals("PCIe Bus Error: severity=Uncorrected, non-fatal, Poisoned TLP, TLP Header={0x4a000001,0x0f00000f,0xc0a8c000,0x00000000}", io.message());
        IoError corrected = one(IoError.class, CTX + "aer_event: 0000:00:1c.0 PCIe Bus Error: severity=Corrected, Receiver Error|Bad TLP, TLP Header=Not available");
        assertEquals("0000:00:1c.0", corrected.device());
    }

    // --- fs_dax ------------------------------------------------------------------------------------

    @Test
    void daxPteFaultDoneWithSigbus() {
        FsDax dax = one(FsDax.class, CTX + "dax_pte_fault_done: dev 259:0 ino 0xc shared WRITE|ALLOW_RETRY|KILLABLE|USER address 0x7f3a40201000 pgoff 0x201 SIGBUS|HWPOISON");
        assertEquals("dax_pte_fault_done", dax.event());
        assertEquals("259:0", dax.device());
        assertEquals(hex("0xc"), dax.inode());
        assertEquals(hex("0x7f3a40201000"), dax.address());
        assertEquals(hex("0x201"), dax.pgoff());
        assertEquals("SIGBUS|HWPOISON", dax.result());
        assertEquals("shared WRITE|ALLOW_RETRY|KILLABLE|USER", dax.fields().get("mode"));
    }

    @Test
    void daxPmdFaultAndWritebackRangeAndPerfName() {
        FsDax pmd = one(FsDax.class, CTX + "dax_pmd_fault_done: dev 259:1 ino 0x83 shared WRITE|USER address 0x7f0000200000 vm_start 0x7f0000000000 vm_end 0x7f0040000000 pgoff 0x200 max_pgoff 0x3ffff FALLBACK");
        assertEquals("FALLBACK", pmd.result());
        assertEquals("0x3ffff", pmd.fields().get("max_pgoff"));
        assertEquals(hex("0x200"), pmd.pgoff());
        FsDax wb = one(FsDax.class, "          fio    2211 [001]   812.000100: fs_dax:dax_writeback_range: dev 259:0 ino 0x10 pgoff 0x0-0x1ff");
        assertEquals("dax_writeback_range", wb.event());
        assertEquals(hex("0x0"), wb.pgoff());
        assertEquals("0x0-0x1ff", wb.fields().get("pgoff"));
        assertNull(wb.result());
        FsDax start = one(FsDax.class, CTX + "dax_pte_fault: dev 259:0 ino 0xc shared WRITE|USER address 0x7f3a40201000 pgoff 0x201 ");
        assertNull(start.result());
    }

    // --- cxl_poison --------------------------------------------------------------------------------

    @Test
    void cxlPoisonCurrentForm() {
        CxlPoison p = one(CxlPoison.class, CTX + "cxl_poison: memdev=mem0 host=0000:35:00.0 serial=0 trace_type=List region=region0 region_uuid=2f6c1bd5-5a9d-4b8c-9d33-0f3f9f3c1a11 hpa=0xf040000000 hpa_alias0=0xffffffffffffffff dpa=0x40000000 dpa_length=0x40 source=Injected flags= overflow_time=0");
        assertEquals("mem0", p.memdev());
        assertEquals("0000:35:00.0", p.host());
        assertEquals("region0", p.region());
        assertEquals(hex("0xf040000000"), p.hpa());
        assertEquals(hex("0x40000000"), p.dpa());
        assertEquals(hex("0x40"), p.length());
        assertEquals("Injected", p.source());
        assertNull(p.flags());
        assertEquals("List", p.traceType());
    }

    @Test
    void cxlPoisonFirstFormWithoutHpaAndUnmappedForm() {
        CxlPoison first = one(CxlPoison.class, CTX + "cxl_poison: memdev=mem1 host=cxl_mem.1 serial=1 trace_type=List region= region_uuid=00000000-0000-0000-0000-000000000000 dpa=0x0 dpa_length=0x40 source=Internal flags=More|Scanning overflow_time=0");
        assertNull(first.hpa());
        assertNull(first.region(), "printed empty: no region maps the DPA");
        assertEquals("More|Scanning", first.flags());
        CxlPoison unmapped = one(CxlPoison.class, CTX + "cxl_poison: memdev=mem1 host=cxl_mem.1 serial=1 trace_type=Inject region= region_uuid=00000000-0000-0000-0000-000000000000 hpa=0xffffffffffffffff dpa=0x1000 dpa_length=0x40 source=Injected flags= overflow_time=0");
        assertNull(unmapped.hpa(), "all ones: not mapped by a region");
    }

    // --- probes ------------------------------------------------------------------------------------

    @Test
    void kprobeFromTheReference() {
        Probe p = one(Probe.class, "            bash-1234    [001]  81234.567001: p_memory_failure_0: (memory_failure+0x0/0x5c0) pfn=0x219c200 flags=0x2");
        assertEquals("p_memory_failure_0", p.probe());
        assertEquals("kprobe", p.kind());
        assertEquals("memory_failure", p.function());
        assertEquals("memory_failure+0x0/0x5c0", p.site());
        assertEquals(Map.of("pfn", "0x219c200", "flags", "0x2"), p.args());
        assertEquals(List.of("pfn", "flags"), List.copyOf(p.args().keySet()));
    }

    @Test
    void kretprobeUprobeUretprobeAndRawAddresses() {
        Probe ret = one(Probe.class, CTX + "r_memory_failure_0: (kill_me_maybe+0x4e/0x110 <- memory_failure) arg1=0x0");
        assertEquals("kretprobe", ret.kind());
        assertEquals("memory_failure", ret.function());
        assertEquals("kill_me_maybe+0x4e/0x110", ret.site());
        Probe up = one(Probe.class, CTX + "p_app_0x1130: (0x55d0c3a01130) arg1=0x7f00 path=\"/mnt/pmem/db\"");
        assertEquals("uprobe", up.kind());
        assertEquals("\"/mnt/pmem/db\"", up.args().get("path"));
        Probe uret = one(Probe.class, CTX + "r_app_0x1130: (0x55d0c3a01200 <- 0x55d0c3a01130) arg1=0x0");
        assertEquals("uretprobe", uret.kind());
        Probe raw = one(Probe.class, "             app  4321 [003] 81234.567001: probe:memory_failure: (ffffffff8d4a1230) pfn=0x219c200 flags=0x2");
        assertEquals("probe:memory_failure", raw.probe());
        assertEquals("ffffffff8d4a1230", raw.site());
        Probe rawReturn = one(Probe.class, "             app  4321 [003] 81234.567020: probe:memory_failure__return: (ffffffff8d4a1230 <- ffffffff8d0a3b71) arg1=0x0");
        assertEquals("kretprobe", rawReturn.kind());
        assertEquals("ffffffff8d4a1230", rawReturn.function(), "the format file prints the function first");
        assertEquals("ffffffff8d0a3b71", rawReturn.site());
        Probe isra = one(Probe.class, CTX + "p_kill_procs_0: (kill_procs.isra.0+0x0/0x1b0) pfn=0x219c200");
        assertEquals("kill_procs.isra.0", isra.function());
    }

    // --- what is not read --------------------------------------------------------------------------

    @Test
    void dmesgLinesAndOtherEventsAreNotRead() {
        assertEquals(List.of(), none("[ 1190.618980] Memory failure: 0x8e13f: recovery action for clean LRU page: Recovered"));
        assertEquals(List.of(), none("[   12.000000] mce_record: CPU: 3, MC7: be00000000800090"));
        assertEquals(List.of(), none(CTX + "sched_switch: prev_comm=app prev_pid=4321 prev_prio=120 prev_state=S ==> next_comm=swapper/3 next_pid=0 next_prio=120"));
        assertEquals(List.of(), none(CTX + "memory_failure <-kill_me_maybe"));
        assertEquals(List.of(), none(CTX + "p_weird_0: (c0123456) arg1=0x1"));
        assertEquals(List.of(), none(CTX + "memory_failure_event: pfn 0x12345678901234567890: recovery action for dax page: Recovered"));
    }
}
