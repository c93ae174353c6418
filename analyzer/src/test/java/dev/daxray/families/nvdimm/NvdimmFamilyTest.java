package dev.daxray.families.nvdimm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.Hex;
import dev.daxray.events.Pmem;
import dev.daxray.families.FamilyTester;
import dev.daxray.families.HwCorpus;

class NvdimmFamilyTest {

    private final NvdimmFamily family = new NvdimmFamily();

    private Pmem one(String line) {
        return FamilyTester.one(Pmem.class, family, line);
    }

    @Test
    void readsTheNfitSpaRangeOfCorpus004() {
        Pmem e = one("[29076.634033] nfit ACPI0012:00: addr in SPA 1 (0x4080000000, 0x1f80000000)");
        assertEquals("nfit", e.driver());
        assertEquals("ACPI0012:00", e.device());
        assertEquals("addr in SPA 1 (0x4080000000, 0x1f80000000)", e.message());
        assertEquals(Hex.parse("0x4080000000"), e.start());
        assertEquals(Hex.parse("0x1f80000000"), e.size());
    }

    @Test
    void readsTheAnnotatedBadrangeLineOfCorpus004() {
        Pmem e = one("[29076.648805] nd_bus ndbus0: XXX nvdimm_bus_add_badrange: (0x40a0602000, 0x1000)\t<== 1st call to nfit_handle_mce");
        assertEquals("nd_bus", e.driver());
        assertEquals("ndbus0", e.device());
        assertEquals("XXX nvdimm_bus_add_badrange: (0x40a0602000, 0x1000)", e.message());
        assertEquals(Hex.parse("0x40a0602000"), e.start());
        assertEquals(new Hex(0x1000), e.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[    5.1] nd_pmem namespace0.0: unable to guarantee persistence of writes|nd_pmem|namespace0.0|unable to guarantee persistence of writes",
            "[    5.1] nd_pmem pfn0.1: 'badblocks' notification disabled|nd_pmem|pfn0.1|'badblocks' notification disabled",
            "[    5.1] nd_pmem btt0.0: something about btt|nd_pmem|btt0.0|something about btt",
            "[    5.1] dax_pmem dax0.0: unable to get dax region|dax_pmem|dax0.0|unable to get dax region",
            "[    5.1] nd_region region0: mapping0: nmem0 0x4080000000 0x1f80000000|nd_region|region0|mapping0: nmem0 0x4080000000 0x1f80000000",
            "[    5.1] device_dax dax0.0: mapping failed|device_dax|dax0.0|mapping failed",
            "[    5.1] dax_kmem dax1.0: mapping0: 0x880000000-0x8bfffffff could not reserve region|dax_kmem|dax1.0|mapping0: 0x880000000-0x8bfffffff could not reserve region",
            "[    5.1] cxl_pci 0000:35:00.0: Device DVSEC not present, skip CXL.mem init|cxl_pci|0000:35:00.0|Device DVSEC not present, skip CXL.mem init",
            "[    5.1] cxl_acpi ACPI0017:00: Failed to add decode range|cxl_acpi|ACPI0017:00|Failed to add decode range",
            "[    5.1] cxl region0: Bypassing cpu_cache_invalidate_memregion() for testing!|cxl|region0|Bypassing cpu_cache_invalidate_memregion() for testing!",
            "[    5.1] cxl_region region0: config state: 0|cxl_region|region0|config state: 0",
            "[    5.1] nvdimm nmem0: failed to read label area|nvdimm|nmem0|failed to read label area",
            "[    5.1] nmem0: security frozen|nvdimm|nmem0|security frozen",
            "[   39.001920] pmem0: error: unaligned partition for dax|pmem|pmem0|error: unaligned partition for dax",
            "[    3.0] pmem0: detected capacity change from 0 to 17179869184|pmem|pmem0|detected capacity change from 0 to 17179869184",
            "[    3.0] pmem0p2: error: unsupported blocksize for dax|pmem|pmem0p2|error: unsupported blocksize for dax",
            "[    3.0] nfit ACPI0012:00: XXX new code nvdimm_bus_add_badrange|nfit|ACPI0012:00|XXX new code nvdimm_bus_add_badrange"})
    void readsDriverLines(String line, String driver, String device, String message) {
        Pmem e = one(line);
        assertEquals(driver, e.driver());
        assertEquals(device, e.device());
        assertEquals(message, e.message());
        assertNull(e.start());
        assertNull(e.size());
    }

    @Test
    void readsAResourceAsStartAndSize() {
        Pmem e = one("[    5.0] nd_pmem namespace0.0: could not reserve region [mem 0x100000000-0x2ffffffff flags 0x200]");
        assertEquals(Hex.parse("0x100000000"), e.start());
        assertEquals(Hex.parse("0x200000000"), e.size());
        assertEquals("could not reserve region [mem 0x100000000-0x2ffffffff flags 0x200]", e.message());
    }

    @Test
    void readsBlockErrorsOnPmemDisks() {
        Pmem blk = one("[  100.0] blk_update_request: I/O error, dev pmem0, sector 8208 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0");
        assertEquals("block", blk.driver());
        assertEquals("pmem0", blk.device());
        assertEquals("blk_update_request: I/O error, dev pmem0, sector 8208 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
                blk.message());
        Pmem buffer = one("[  100.0] Buffer I/O error on dev pmem0p1, logical block 1026, async page read");
        assertEquals("pmem0p1", buffer.device());
        assertEquals("block", buffer.driver());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[    2.033291] RIP: 0010:dax_insert_entry+0x36e/0x380",
            "[    2.038486]  dax_fault_iter+0x286/0x6a0",
            "[T9] nfit_handle_mce (drivers/acpi/nfit/mce.c:36 (discriminator 512))",
            "[ 1409.112082] Modules linked in: kmem device_dax rpcsec_gss_krb5",
            "[ 1851.548031] Workqueue: nfit acpi_nfit_scrub [nfit]",
            "[29076.619447] Memory failure: 0x40a0602: recovery action for dax page: Recovered",
            "[   41.220113] EXT4-fs (pmem1): DAX unsupported by block device.",
            "[  100.0] blk_update_request: I/O error, dev sda, sector 8208",
            "[  100.0] nd_pmem namespace0.0:",
            "[  100.0] sd 0:0:0:0: [sda] Attached SCSI disk"})
    void rejectsNearMisses(String line) {
        assertTrue(FamilyTester.read(family, line).isEmpty(), line);
    }

    @Test
    void readsTheNfitAndBusLinesOfCorpus004() {
        List<Pmem> events = HwCorpus.read(family, "004", "dmesg.log").stream().map(Pmem.class::cast).toList();
        assertEquals(Set.of("ACPI0012:00", "ndbus0"), events.stream().map(Pmem::device).collect(Collectors.toSet()));
        assertEquals(7, events.size());
        assertEquals(List.of(Hex.parse("0x40a0602400"), Hex.parse("0x40a0602600")), events.subList(5, 7).stream()
                .map(Pmem::start).toList());
        assertTrue(HwCorpus.assertKeywordsCover(family, HwCorpus.lines("004", "dmesg.log")) == 7);
    }

    @Test
    void corporaWithoutNvdimmLinesGiveNone() {
        for (String[] file : new String[][] {{"007", "dmesg.log"}, {"018", "dmesg.log"}, {"033", "dmesg.log"},
                {"010", "console.log"}, {"039", "console.log"}, {"031", "console.log"}}) {
            assertEquals(0, HwCorpus.assertKeywordsCover(family, HwCorpus.lines(file[0], file[1])), file[0]);
        }
    }
}
