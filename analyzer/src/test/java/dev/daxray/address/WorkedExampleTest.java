package dev.daxray.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.devices.Badblock;
import dev.daxray.devices.BadblockLocator.Extent;
import dev.daxray.devices.DeviceState;
import dev.daxray.devices.NdctlReader;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;

/**
 * Every conversion of the reference's §1.7 worked example: region0 at 0x2080000000, namespace0.0
 * (fsdax, map=dev) at the region start with dataoff 0xfc200000, namespace badblock
 * {"offset":1048576,"length":8} = region badblock {"offset":9310208,"length":8} = phys
 * 0x219c200000…0x219c200fff = PFN 0x219c200.
 */
class WorkedExampleTest {

    static final String LIST = """
            [
              {
                "provider":"ACPI.NFIT",
                "dev":"ndbus0",
                "regions":[
                  {
                    "dev":"region0",
                    "size":270582939648,
                    "align":16777216,
                    "available_size":0,
                    "type":"pmem",
                    "badblock_count":8,
                    "badblocks":[
                      { "offset":9310208, "length":8, "dimms":[ "nmem1" ] }
                    ],
                    "namespaces":[
                      {
                        "dev":"namespace0.0",
                        "mode":"fsdax",
                        "map":"dev",
                        "size":266352984064,
                        "sector_size":512,
                        "align":2097152,
                        "blockdev":"pmem0",
                        "badblock_count":8,
                        "badblocks":[
                          { "offset":1048576, "length":8, "dimms":[ "nmem1" ] }
                        ]
                      }
                    ]
                  }
                ]
              }
            ]
            """;

    static final String SYSFS = """
            # cat /sys/bus/nd/devices/region0/resource
            0x2080000000
            # cat /sys/bus/nd/devices/namespace0.0/resource /sys/bus/nd/devices/namespace0.0/holder
            0x2080000000
            pfn0.1
            /sys/bus/nd/devices/pfn0.1/resource:0x217c200000
            """;

    static final Hex PHYS = Hex.parse("0x219c200000");

    static DeviceState state() {
        return NdctlReader.read("list.json", LIST, 1).state();
    }

    static Badblock nsBadblock(DeviceState s) {
        return s.namespace("namespace0.0").orElseThrow().badblocks().get(0);
    }

    static Badblock regionBadblock(DeviceState s) {
        return s.region("region0").orElseThrow().badblocks().get(0);
    }

    static AddressMap withSysfs(PageSize pageSize) {
        return AddressMap.builder(state()).sysfs(Sysfs.parse("sysfs.txt", SYSFS, 1)).pageSize(pageSize).build();
    }

    @Test
    void regionBadblockIsRegionStartPlusSectors() {
        AddressMap map = withSysfs(PageSize.FOUR_KIB);
        assertEquals(Hex.parse("0x2080000000"), map.regionStart("region0").value());
        Extent e = map.physRange(regionBadblock(map.state())).value();
        assertEquals(PHYS, e.start());
        assertEquals(Hex.parse("0x219c200fff"), e.end());
        assertEquals(4096, e.bytes());
        assertEquals(Hex.parse("0x219c200"), e.pfnStart());
        assertEquals(Hex.parse("0x219c200"), e.pfnEnd());
    }

    @Test
    void fsdaxBadblockIsPfnResourcePlusSectors() {
        AddressMap map = withSysfs(PageSize.FOUR_KIB);
        assertEquals(Hex.parse("0x2080000000"), map.namespaceStart("namespace0.0").value());
        assertEquals(Hex.parse("0x217c200000"), map.dataStart("namespace0.0").value());
        Lookup<Extent> range = map.physRange(nsBadblock(map.state()));
        assertEquals(List.of(), range.assumptions());
        assertEquals(new Extent(PHYS, 4096, Hex.parse("0x219c200"), Hex.parse("0x219c200")), range.value());
    }

    @Test
    void fsdaxBadblockFromNamespaceStartPlusInfoblockDataoff() {
        String infoblock = """
                # ndctl read-infoblock -j namespace0.0
                [{"signature":"NVDIMM_PFN_INFO","dataoff":4229955584,"npfns":65028416,"start_pad":0,"end_trunc":0}]
                """;
        DeviceState s = state().merge(NdctlReader.read("ib.txt", infoblock, 1).state());
        AddressMap map = AddressMap.builder(s).sysfs(Sysfs.parse("sysfs.txt",
                "/sys/bus/nd/devices/region0/resource: 0x2080000000\n"
                + "/sys/bus/nd/devices/namespace0.0/resource: 0x2080000000\n", 1)).build();
        assertEquals(Hex.parse("0x217c200000"), map.dataStart("namespace0.0").value());
        assertEquals(PHYS, map.physRange(nsBadblock(s)).value().start());
    }

    @Test
    void explicitDataOffset() {
        AddressMap map = AddressMap.builder(state())
                .sysfs(Sysfs.parse("s", "/sys/bus/nd/devices/namespace0.0/resource:0x2080000000\n", 1))
                .dataOffset("namespace0.0", Hex.parse("0xfc200000"), "test").build();
        assertEquals(PHYS, map.physAddr("namespace0.0", 1048576).value());
    }

    @Test
    void dataOffsetInferredFromNamespaceSizeMinusDataSizeSaysSo() {
        AddressMap map = AddressMap.builder(state()).sysfs(Sysfs.parse("s", """
                /sys/bus/nd/devices/region0/resource:0x2080000000
                /sys/bus/nd/devices/namespace0.0/resource:0x2080000000
                /sys/bus/nd/devices/namespace0.0/size:270582939648
                """, 1)).build();
        Lookup<Hex> data = map.dataStart("namespace0.0");
        assertEquals(Hex.parse("0x217c200000"), data.value());
        assertEquals(List.of("namespace0.0's data offset 0xfc200000 inferred as namespace size minus data size,"
                + " assuming start_pad = end_trunc = 0"), data.assumptions());
    }

    @Test
    void regionRelativeAndNamespaceRelativeOffsetsDiffer() {
        AddressMap map = withSysfs(PageSize.FOUR_KIB);
        DeviceState s = map.state();
        // the same number means different bytes depending on the list it came from
        Badblock asRegion = new Badblock("t", 1, "region0", Badblock.Scope.REGION, 1048576, 8, List.of(), "");
        assertEquals(Hex.parse("0x20a0000000"), map.physRange(asRegion).value().start());
        assertEquals(PHYS, map.physRange(nsBadblock(s)).value().start());
        // and the two listings of one range agree
        assertEquals(map.physRange(regionBadblock(s)).value(), map.physRange(nsBadblock(s)).value());
        assertEquals(9310208L, map.regionSector("namespace0.0", 1048576).value());
        assertEquals(9310208L - 1048576L, map.regionSector("namespace0.0", 0).value(),
                "region sector of the data area start = (0x217c200000 - 0x2080000000) / 512");
    }

    @Test
    void locateAnAddressInsideTheBadblock() {
        AddressMap map = withSysfs(PageSize.FOUR_KIB);
        Location loc = map.locate(Hex.parse("0x219c200123")).value();
        assertEquals(Hex.parse("0x219c200"), loc.pfn());
        assertEquals("region0", loc.region());
        assertEquals(0x11c200123L, loc.regionOffset());
        assertEquals(9310208L, loc.regionSector());
        assertEquals("namespace0.0", loc.namespace());
        assertEquals("fsdax", loc.mode());
        assertEquals("pmem0", loc.blockdev());
        assertEquals(0x11c200123L, loc.namespaceOffset());
        assertEquals(0x20000123L, loc.dataOffset());
        assertEquals(1048576L, loc.sector());
        assertFalse(loc.inMetadata());
        assertEquals(2, loc.badblocks().size());
        assertEquals(List.of(), loc.unknown());
        assertEquals("pfn 0x219c200 (phys 0x219c200123) is namespace0.0 sector 1048576 (region0 sector 9310208),"
                + " listed as a media error: region0 badblock offset 9310208 length 8 (list.json:14);"
                + " namespace0.0 badblock offset 1048576 length 8 (list.json:27)", loc.describe());
    }

    @Test
    void locateThePoisonedPfn() {
        AddressMap map = withSysfs(PageSize.FOUR_KIB);
        Location loc = map.locatePfn(Hex.parse("0x219c200")).value();
        assertEquals(PHYS, loc.physAddr());
        assertEquals(4096, loc.bytes());
        assertEquals(1048576L, loc.sector());
        assertEquals(8, loc.sectors());
        assertEquals(2, loc.badblocks().size());
        Location next = map.locatePfn(Hex.parse("0x219c201")).value();
        assertEquals(1048584L, next.sector());
        assertEquals(List.of(), next.badblocks());
        assertTrue(next.describe().endsWith("not in any listed badblock"), next.describe());
    }

    @Test
    void metadataBeforeTheDataArea() {
        Location loc = withSysfs(PageSize.FOUR_KIB).locate(Hex.parse("0x2080001000")).value();
        assertEquals("namespace0.0", loc.namespace());
        assertTrue(loc.inMetadata());
        assertNull(loc.sector());
        assertEquals(0x1000L, loc.namespaceOffset());
    }

    @Test
    void sixtyFourKibPages() {
        AddressMap map = withSysfs(PageSize.SIXTY_FOUR_KIB);
        Extent e = map.physRange(nsBadblock(map.state())).value();
        assertEquals(Hex.parse("0x219c20"), e.pfnStart());
        assertEquals(Hex.parse("0x219c20"), e.pfnEnd());
        Location page = map.locatePfn(Hex.parse("0x219c20")).value();
        assertEquals(PHYS, page.physAddr());
        assertEquals(65536, page.bytes());
        assertEquals(1048576L, page.sector());
        assertEquals(128, page.sectors());
        assertEquals(2, page.badblocks().size());
        assertEquals(16, PageSize.SIXTY_FOUR_KIB.shift());
        assertEquals(Hex.parse("0x867080"), PageSize.SIXTEEN_KIB.pfn(PHYS));
    }

    @Test
    void eventsCarryPhysicalAddressesOnceTheMapKnowsTheBases() {
        AddressMap map = withSysfs(PageSize.FOUR_KIB);
        List<Event> events = NdctlReader.events(map.state(), map);
        assertEquals(2, events.size());
        for (Event e : events) {
            dev.daxray.events.Badblock b = (dev.daxray.events.Badblock) e;
            assertEquals(PHYS, b.physAddr());
            assertEquals(4096L, b.size());
            assertEquals(Hex.parse("0x219c200"), b.pfnStart());
            assertEquals(Hex.parse("0x219c200"), b.pfnEnd());
        }
    }

    @Test
    void missingBaseSaysWhatWouldBeNeeded() {
        AddressMap map = AddressMap.builder(state()).build();
        Lookup<Extent> region = map.physRange(regionBadblock(map.state()));
        Lookup.Missing<Extent> m = assertInstanceOf(Lookup.Missing.class, region);
        assertEquals("physical address of region0 badblock offset 9310208", m.what());
        assertEquals(List.of("region0's base address: add `cat /sys/bus/nd/devices/region0/resource` or /proc/iomem"
                + " to the bundle"), m.needed());
        Lookup.Missing<Extent> ns = assertInstanceOf(Lookup.Missing.class, map.physRange(nsBadblock(map.state())));
        assertEquals(List.of("namespace0.0's start address: add `cat /sys/bus/nd/devices/namespace0.0/resource` or"
                        + " /proc/iomem to the bundle",
                "namespace0.0's data offset: add `cat /sys/bus/nd/devices/namespace0.0/holder` and that pfn device's"
                        + " `resource`, or `ndctl read-infoblock -j namespace0.0` to the bundle"), ns.needed());
        Lookup.Missing<Location> where = assertInstanceOf(Lookup.Missing.class, map.locate(PHYS));
        assertEquals(List.of("region0's base address: add `cat /sys/bus/nd/devices/region0/resource` or /proc/iomem"
                + " to the bundle"), where.needed());
        assertTrue(map.locate(PHYS).optional().isEmpty());
    }

    @Test
    void addressOutsideEveryRange() {
        Lookup.Missing<Location> m = assertInstanceOf(Lookup.Missing.class,
                withSysfs(PageSize.FOUR_KIB).locate(Hex.parse("0x1000")));
        assertEquals(List.of("0x1000 is outside every persistent-memory range the bundle lists"
                + " (region0 0x2080000000-0x5f7fffffff)"), m.needed());
    }
}
