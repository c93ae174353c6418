package dev.daxray.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.devices.DeviceState;
import dev.daxray.devices.NdctlReader;
import dev.daxray.devices.SharedCorpus;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.events.Pmem;

/** /proc/iomem, sysfs dumps and nfit SPA ranges as base-address sources, with the real corpus. */
class BundleSourcesTest {

    @Test
    void iomemNestingAndNoBreakSpaceIndentationFromTheRealCapture() {
        String text = SharedCorpus.text("032-fsdax-poison-recovered-x86-pat-conflicting-memory-types",
                "system-state.txt");
        List<IomemEntry> entries = Iomem.parse("system-state.txt", text, 1);
        assertEquals(3, entries.size(), "the PAT lines are not iomem lines");
        IomemEntry pm = entries.get(0);
        assertEquals("Persistent Memory", pm.name());
        assertEquals(new Range(Hex.parse("0x1840000000"), Hex.parse("0xd53fffffff"), "Persistent Memory",
                "system-state.txt:2"), pm.range());
        assertEquals(0, pm.depth());
        IomemEntry ns0 = entries.get(1);
        assertEquals("namespace0.0", ns0.name());
        assertEquals(1, ns0.depth());
        assertEquals("Persistent Memory", ns0.parent());
        assertEquals(3, ns0.line());
        assertEquals(0x400000000L, ns0.range().size());

        // 032's poisoned pfn 0x1850600 lands in namespace0.0; without ndctl output the mode, data
        // offset and region base stay unknown, and the answer says what would supply them
        AddressMap map = AddressMap.builder(DeviceState.EMPTY).iomem(entries).build();
        Location loc = map.locatePfn(Hex.parse("0x1850600")).value();
        assertEquals("namespace0.0", loc.namespace());
        assertEquals(0x10600000L, loc.namespaceOffset());
        assertNull(loc.sector());
        assertNull(loc.regionOffset(), "the Persistent Memory range holds region0's and region2's namespaces");
        assertEquals(List.of("region0's base address: add `cat /sys/bus/nd/devices/region0/resource` or /proc/iomem"
                        + " to the bundle",
                "namespace0.0's mode: add `ndctl list -N` output to the bundle"), loc.unknown());
        assertEquals("pfn 0x1850600 (phys 0x1850600000) is namespace0.0 offset 0x10600000 (region0),"
                + " not in any listed badblock", loc.describe());
    }

    @Test
    void iomemRangeHoldingOneRegionsNamespacesIsThatRegion() {
        List<IomemEntry> entries = Iomem.parse("iomem", """
                2080000000-5f7fffffff : Persistent Memory
                  2080000000-5f7fffffff : namespace0.0
                00000000-00000000 : Reserved
                """, 1);
        assertEquals(2, entries.size(), "all-zero ranges (non-root read) are skipped");
        AddressMap map = AddressMap.builder(WorkedExampleTest.state()).iomem(entries).build();
        assertEquals(Hex.parse("0x2080000000"), map.regionStart("region0").value());
        assertEquals(List.of("region0 is the /proc/iomem \"Persistent Memory\" range holding its namespaces"),
                map.regionStart("region0").assumptions());
        // namespace size from iomem and exact data size: dataoff inferred, so the badblock converts
        assertEquals(Hex.parse("0x219c200000"), map.physRange(WorkedExampleTest.nsBadblock(map.state()))
                .value().start());
    }

    @Test
    void sysfsDumpShapes() {
        String text = """
                [root@host ~]# grep . /sys/bus/nd/devices/region*/resource
                /sys/bus/nd/devices/region0/resource:0x2080000000
                /sys/bus/nd/devices/region1/resource:0x6000000000
                # cat /sys/bus/nd/devices/namespace0.0/resource /sys/bus/nd/devices/namespace0.0/size
                0x2080000000
                270582939648
                ==> /sys/devices/LNXSYSTM:00/LNXSYBUS:00/ACPI0012:00/ndbus0/region0/pfn0.1/resource <==
                0x217c200000
                # cat /sys/bus/nd/devices/pfn0.9/resource
                cat: /sys/bus/nd/devices/pfn0.9/resource: No such device or address
                """;
        List<SysfsValue> values = Sysfs.parse("sysfs.txt", text, 1);
        assertEquals(List.of("region0/resource=0x2080000000@2", "region1/resource=0x6000000000@3",
                        "namespace0.0/resource=0x2080000000@5", "namespace0.0/size=270582939648@6",
                        "pfn0.1/resource=0x217c200000@8"),
                values.stream().map(v -> v.device() + "/" + v.attribute() + "=" + v.value() + "@" + v.line())
                        .toList());
        assertEquals(Hex.parse("0x217c200000"), values.get(4).number().orElseThrow());
        assertEquals(new Hex(270582939648L), values.get(3).number().orElseThrow());
        // the only pfn device in region0 is taken as namespace0.0's data device when no holder is listed
        AddressMap map = AddressMap.builder(WorkedExampleTest.state()).sysfs(values).build();
        assertEquals(Hex.parse("0x217c200000"), map.dataStart("namespace0.0").value());
    }

    @Test
    void nfitSpaRangeIsTheBaseWhenItIsTheOnlyOne() {
        String json = SharedCorpus.text("004-dcpmem-ghes-dax-recovered-nfit-badrange-8-blocks", "ndctl.json");
        DeviceState s = NdctlReader.read("ndctl.json", json, 1).state();
        Pmem spa = new Pmem(new Origin("dmesg.log", 0, 15, 15,
                "[29076.634033] nfit ACPI0012:00: addr in SPA 1 (0x4080000000, 0x1f80000000)", 29076634033L,
                29076634033L, null, 0, null, null), "nfit", "ACPI0012:00", "addr in SPA 1 (0x4080000000, 0x1f80000000)",
                Hex.parse("0x4080000000"), Hex.parse("0x1f80000000"));
        AddressMap map = AddressMap.builder(s).spaEvents(List.of(spa)).build();
        Lookup<Hex> base = map.regionStart("region0");
        assertEquals(Hex.parse("0x4080000000"), base.value());
        assertEquals(List.of("region0 taken to be the only persistent-memory range the bundle lists,"
                + " SPA 0x4080000000-0x5fffffffff (dmesg.log:15)"), base.assumptions());
        // the poisoned address is in region0, but without namespace0.0's start the sector is unknown
        Location loc = map.locate(Hex.parse("0x40a0602400")).value();
        assertEquals("region0", loc.region());
        assertEquals(0x20602400L, loc.regionOffset());
        assertNull(loc.namespace());
        assertTrue(loc.unknown().get(0).startsWith("the namespace holding 0x40a0602400: add `ndctl list -N`"),
                loc.unknown().toString());
        Lookup.Missing<?> bb = assertInstanceOf(Lookup.Missing.class,
                map.physRange(s.namespace("namespace0.0").orElseThrow().badblocks().get(0)));
        assertEquals("physical address of namespace0.0 badblock offset 8208", bb.what());
    }

    @Test
    void pageSizeMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new PageSize(12));
        assertThrows(IllegalArgumentException.class, () -> new PageSize(3 * 4096));
        assertEquals(12, PageSize.FOUR_KIB.shift());
        assertEquals(Hex.parse("0x219c200000"), PageSize.FOUR_KIB.address(Hex.parse("0x219c200")));
        assertEquals("64 KiB", PageSize.SIXTY_FOUR_KIB.toString());
    }
}
