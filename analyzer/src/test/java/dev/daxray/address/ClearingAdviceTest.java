package dev.daxray.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.devices.DeviceState;
import dev.daxray.devices.NdctlReader;
import dev.daxray.events.Hex;

class ClearingAdviceTest {

    private static Location fsdaxPoisonedPage() {
        return WorkedExampleTest.withSysfs(PageSize.FOUR_KIB).locatePfn(Hex.parse("0x219c200")).value();
    }

    @Test
    void fsdaxListedBadblock() {
        ClearingAdvice.Advice a = ClearingAdvice.forLocation(fsdaxPoisonedPage(), 78, "ndbus0");
        assertEquals("namespace0.0 sectors 1048576-1048583 is fsdax data under a filesystem: restore or rewrite the"
                + " file that owns these blocks; clear the blocks directly only when their data does not matter",
                a.summary());
        assertEquals(List.of(
                "fallocate --punch-hole --offset <file offset> --length <bytes> <file>",
                "fallocate --zero-range --offset <file offset> --length <bytes> <file>",
                "dd if=/dev/zero of=/dev/pmem0 bs=512 seek=1048576 count=8 oflag=direct",
                "ndctl clear-errors namespace0.0"), a.steps().stream().map(ClearingAdvice.Step::command).toList());
        assertTrue(a.steps().get(2).effect().contains("only with the filesystem unmounted"));
        assertEquals(List.of(), a.notes());
    }

    @Test
    void oldNdctlGetsNoClearErrors() {
        ClearingAdvice.Advice a = ClearingAdvice.forLocation(fsdaxPoisonedPage(), 60, null);
        assertTrue(a.steps().stream().noneMatch(s -> s.command().startsWith("ndctl clear-errors")));
        assertEquals(List.of("ndctl v60 predates clear-errors; rewrite the data instead"), a.notes());
    }

    @Test
    void unknownVersionAndUnlistedPoisonScrubsFirst() {
        Location next = WorkedExampleTest.withSysfs(PageSize.FOUR_KIB).locatePfn(Hex.parse("0x219c201")).value();
        ClearingAdvice.Advice a = ClearingAdvice.forLocation(next, null, "ndbus0");
        assertEquals("ndctl start-scrub ndbus0 && ndctl wait-scrub ndbus0 && ndctl list -M -n namespace0.0",
                a.steps().get(0).command());
        assertEquals("ndctl clear-errors --scrub namespace0.0", a.steps().get(a.steps().size() - 1).command());
        assertEquals(List.of("ndctl clear-errors needs a recent ndctl (v64 or later, unverified); check"
                + " `ndctl clear-errors --help`"), a.notes());
    }

    @Test
    void rawNamespaceRewritesThroughTheBlockDevice() {
        String list = """
                {"regions":[{"dev":"region1","size":1073741824,"type":"pmem","namespaces":[
                  {"dev":"namespace1.0","mode":"raw","size":536870912,"sector_size":512,"blockdev":"pmem1",
                   "badblocks":[{"offset":1048600,"length":1}]}]}]}
                """;
        DeviceState s = NdctlReader.read("raw.json", list, 1).state();
        AddressMap map = AddressMap.builder(s).sysfs(Sysfs.parse("s", """
                /sys/bus/nd/devices/region1/resource:0x6000000000
                /sys/bus/nd/devices/namespace1.0/resource:0x6020000000
                /sys/bus/nd/devices/namespace1.0/size:536870912
                """, 1)).build();
        // raw: the listed offset is region-relative (ndctl prints the region's list)
        Hex phys = map.physRange(s.namespace("namespace1.0").orElseThrow().badblocks().get(0)).value().start();
        assertEquals(Hex.parse("0x6020003000"), phys);
        Location loc = map.locate(phys).value();
        assertEquals(24L, loc.sector(), "namespace sector = region sector - (0x20000000 / 512)");
        assertEquals(1048600L, loc.regionSector());
        ClearingAdvice.Advice a = ClearingAdvice.forLocation(loc, 71, null);
        assertEquals("namespace1.0 sectors 24-24 is a raw namespace: rewrite the sectors through /dev/pmem1",
                a.summary());
        assertEquals(List.of("dd if=/dev/zero of=/dev/pmem1 bs=512 seek=24 count=1 oflag=direct",
                "ndctl clear-errors namespace1.0"), a.steps().stream().map(ClearingAdvice.Step::command).toList());
    }

    @Test
    void devdaxAndSectorModes() {
        String list = """
                [{"dev":"namespace1.0","mode":"devdax","map":"dev","size":266352984064,"chardev":"dax1.0",
                  "badblocks":[{"offset":16,"length":8}]},
                 {"dev":"namespace2.0","mode":"sector","size":1000000,"blockdev":"pmem2s"}]
                # daxctl list -M
                [{"chardev":"dax1.0","size":266352984064,"mode":"devdax","mappings":[
                  {"page_offset":0,"start":416546816000,"end":682899800063,"size":266352984064}]}]
                """;
        DeviceState s = NdctlReader.read("dax.txt", list, 1).state();
        AddressMap map = AddressMap.builder(s).build();
        assertEquals(Hex.parse("0x60fc200000"), map.dataStart("namespace1.0").value());
        Location loc = map.locate(Hex.parse("0x60fc202000")).value();
        assertEquals("namespace1.0", loc.namespace());
        assertEquals("dax1.0", loc.daxDevice());
        assertEquals(0x2000L, loc.daxOffset());
        assertEquals(16L, loc.sector());
        assertEquals(1, loc.badblocks().size());
        ClearingAdvice.Advice a = ClearingAdvice.forLocation(loc, 70, null);
        assertEquals("ndctl clear-errors namespace1.0", a.steps().get(0).command());
        assertTrue(a.summary().startsWith("namespace1.0 sectors 16-16 is device-dax memory"), a.summary());

        Lookup.Missing<Hex> btt = (Lookup.Missing<Hex>) map.dataStart("namespace2.0");
        assertEquals(List.of("namespace2.0 is in sector (BTT) mode: the BTT remaps blocks, so physical addresses do"
                + " not map to its sectors"), btt.needed());
    }

    @Test
    void noNamespaceNoAdvice() {
        Location loc = new Location(Hex.parse("0x1000"), 1, new Hex(1), PageSize.FOUR_KIB, "region0", 0L, 0L, null,
                null, null, null, null, null, false, null, null, List.of(), List.of(), List.of("x"));
        ClearingAdvice.Advice a = ClearingAdvice.forLocation(loc, 78, null);
        assertEquals("no clearing advice: the bundle does not say which namespace (and mode) holds 0x1000",
                a.summary());
        assertEquals(List.of(), a.steps());
        assertEquals(List.of("x"), a.notes());
    }
}
