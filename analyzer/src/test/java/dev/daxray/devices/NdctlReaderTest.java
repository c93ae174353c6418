package dev.daxray.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.DimmHealth;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.NdctlMonitor;

class NdctlReaderTest {

    /** Reference §1.11 {@code ndctl list -BDRNM}, with the inline objects spread one key per line. */
    static final String BUS_ARRAY = """
            [
              {
                "provider":"ACPI.NFIT",
                "dev":"ndbus0",
                "scrub_state":"idle",
                "dimms":[
                  {
                    "dev":"nmem0",
                    "id":"8089-a2-1837-00000bb8",
                    "handle":1,
                    "phys_id":28,
                    "security":"disabled"
                  },
                  {
                    "dev":"nmem1",
                    "id":"8089-a2-1837-00000bb9",
                    "handle":4097,
                    "phys_id":30,
                    "security":"disabled"
                  }
                ],
                "regions":[
                  {
                    "dev":"region0",
                    "size":270582939648,
                    "align":16777216,
                    "available_size":0,
                    "max_available_extent":0,
                    "type":"pmem",
                    "iset_id":10248187106440278,
                    "mappings":[
                      { "dimm":"nmem0", "offset":268435456, "length":135291469824, "position":0 },
                      { "dimm":"nmem1", "offset":268435456, "length":135291469824, "position":1 }
                    ],
                    "badblock_count":8,
                    "badblocks":[
                      { "offset":9310208, "length":8, "dimms":[ "nmem1" ] }
                    ],
                    "persistence_domain":"memory_controller",
                    "namespaces":[
                      {
                        "dev":"namespace0.0",
                        "mode":"fsdax",
                        "map":"dev",
                        "size":266352984064,
                        "uuid":"6a1c3a32-9e3e-4b6f-a0a7-3c2f5f0b6d21",
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

    @Test
    void busArrayNestsDimmsRegionsNamespacesAndBadblocks() {
        NdctlReader.Result r = NdctlReader.read("list.json", BUS_ARRAY, 1);
        DeviceState s = r.state();
        assertEquals(List.of(), r.problems());
        assertEquals(1, s.buses().size());
        assertEquals(new Bus("list.json", 2, "ndbus0", "ACPI.NFIT", "idle"), s.buses().get(0));
        assertEquals(List.of("nmem0", "nmem1"), s.dimms().stream().map(Dimm::dev).toList());
        Dimm nmem1 = s.dimm("nmem1").orElseThrow();
        assertEquals(14, nmem1.line());
        assertEquals(new Hex(4097), nmem1.handle());
        assertEquals(new Hex(30), nmem1.physId());
        assertEquals("ndbus0", nmem1.bus());

        Region region = s.region("region0").orElseThrow();
        assertEquals(23, region.line());
        assertEquals(Size.exact(270582939648L), region.size());
        assertEquals(new Hex(10248187106440278L), region.isetId());
        assertEquals(2, region.mappings().size());
        assertEquals(new DimmMapping("nmem1", new Hex(268435456), new Hex(135291469824L), 1), region.mappings().get(1));
        assertEquals(8L, region.badblockCount());
        assertEquals(List.of(new Badblock("list.json", 37, "region0", Badblock.Scope.REGION, 9310208, 8,
                List.of("nmem1"), "{\"offset\":9310208,\"length\":8,\"dimms\":[\"nmem1\"]}")), region.badblocks());
        assertEquals("memory_controller", region.persistenceDomain());

        Namespace ns = s.namespace("namespace0.0").orElseThrow();
        assertEquals(41, ns.line());
        assertEquals("fsdax", ns.mode());
        assertEquals("dev", ns.map());
        assertEquals(Size.exact(266352984064L), ns.size());
        assertEquals(2097152L, ns.align());
        assertEquals("pmem0", ns.blockdev());
        assertEquals("region0", ns.region());
        assertEquals("ndbus0", ns.bus());
        assertEquals(1, ns.badblocks().size());
        Badblock bb = ns.badblocks().get(0);
        assertEquals(Badblock.Scope.NAMESPACE, bb.scope());
        assertEquals(1048576, bb.offset());
        assertEquals(8, bb.length());
        assertEquals(52, bb.line());

        assertEquals(2, s.badblocks().size());
        List<Event> events = r.events();
        assertEquals(2, events.size());
        dev.daxray.events.Badblock first = (dev.daxray.events.Badblock) events.get(0);
        assertEquals("region0", first.device());
        assertEquals("region", first.scope());
        assertEquals(9310208L, first.offset());
        assertEquals(4096L, first.size());
        assertNull(first.physAddr());
        assertEquals("list.json:37", first.origin().location());
        assertEquals("{\"offset\":9310208,\"length\":8,\"dimms\":[\"nmem1\"]}", first.origin().text());
    }

    @Test
    void bareObjectWithHumanSizesAndHexStrings() {
        String text = """
                {
                  "dev":"region0",
                  "size":"252.00 GiB (270.58 GB)",
                  "align":"16.00 MiB (16.78 MB)",
                  "available_size":0,
                  "max_available_extent":0,
                  "type":"pmem",
                  "iset_id":"0x2468ac00123456",
                  "badblock_count":8,
                  "persistence_domain":"memory_controller"
                }
                """;
        NdctlReader.Result r = NdctlReader.read("r.json", text, 1);
        Region region = r.state().regions().get(0);
        assertFalse(region.size().isExact());
        assertTrue(region.size().min() <= 270582939648L && 270582939648L <= region.size().max());
        assertEquals(Size.exact(16777216), region.align().isExact() ? region.align() : Size.exact(16777216),
                "16.00 MiB (16.78 MB) must allow exactly 16 MiB");
        assertTrue(region.align().min() <= 16777216 && 16777216 <= region.align().max());
        assertEquals(Hex.parse("0x2468ac00123456"), region.isetId());
        assertEquals(Size.exact(0), region.availableSize());
        assertEquals(8L, region.badblockCount());
        assertEquals(List.of(), region.badblocks());
    }

    @Test
    void containerObjectWithRegionsAndNestedNamespaces() {
        String text = """
                {"dimms":[{"dev":"nmem0","id":"x","handle":1,"phys_id":2}],
                 "regions":[{"dev":"region1","size":274877906944,"available_size":0,"type":"pmem",
                   "namespaces":[{"dev":"namespace1.0","mode":"raw","size":274877906944,"sector_size":512,
                     "blockdev":"pmem1","badblock_count":1,"badblocks":[{"offset":42,"length":1}]}]}],
                 "namespaces":[{"dev":"namespace2.0","mode":"sector","size":1000000,"uuid":"u","blockdev":"pmem2s"}]}
                """;
        NdctlReader.Result r = NdctlReader.read("c.json", text, 10);
        DeviceState s = r.state();
        assertEquals(List.of(), r.problems());
        assertEquals(1, s.dimms().size());
        assertEquals(10, s.dimms().get(0).line());
        assertEquals(List.of("region1"), s.regions().stream().map(Region::dev).toList());
        assertEquals(List.of("namespace1.0", "namespace2.0"), s.namespaces().stream().map(Namespace::dev).toList());
        assertEquals("region1", s.namespace("namespace1.0").orElseThrow().region());
        assertEquals("region2", s.namespace("namespace2.0").orElseThrow().region(), "region implied by the name");
        assertEquals(12, s.namespace("namespace1.0").orElseThrow().line());
        Badblock raw = s.namespace("namespace1.0").orElseThrow().badblocks().get(0);
        assertEquals(13, raw.line());
        assertEquals(List.of(), raw.dimms());
    }

    @Test
    void concatenatedDocumentsAndPreV62BareObjects() {
        String text = """
                {
                  "provider":"ACPI.NFIT",
                  "dev":"ndbus0",
                  "namespaces":[
                    {"dev":"namespace0.0","mode":"memory","size":8589934592,"blockdev":"pmem0"}
                  ]
                }
                {
                  "provider":"e820",
                  "dev":"ndbus1",
                  "namespaces":[
                    {"dev":"namespace1.0","mode":"dax","size":8589934592,"chardev":"dax1.0"}
                  ]
                }
                [{"dev":"nmem3"}]{"dev":"nmem4"}
                """;
        NdctlReader.Result r = NdctlReader.read("multi.json", text, 1);
        DeviceState s = r.state();
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("ndbus0", "ndbus1"), s.buses().stream().map(Bus::dev).toList());
        Namespace ns0 = s.namespace("namespace0.0").orElseThrow();
        assertEquals("fsdax", ns0.mode());
        assertEquals("memory", ns0.rawMode());
        assertEquals("ndbus0", ns0.bus());
        Namespace ns1 = s.namespace("namespace1.0").orElseThrow();
        assertEquals("devdax", ns1.mode());
        assertEquals("dax1.0", ns1.chardev());
        assertEquals(12, ns1.line());
        assertEquals(List.of("nmem3", "nmem4"), s.dimms().stream().map(Dimm::dev).toList());
        assertEquals(15, s.dimms().get(1).line());
    }

    @Test
    void shellTranscriptWithCommandsBetweenDocuments() {
        String text = """
                [root@host ~]# ndctl list -N
                [
                  {
                    "dev":"namespace0.0",
                    "mode":"fsdax",
                    "size":100,
                    "blockdev":"pmem0"
                  }
                ]
                [root@host ~]# ndctl inject-error --status namespace0.0
                {
                  "badblocks":[
                    {
                      "block":"0x2012",
                      "count":"0x2"
                    }
                  ]
                }
                [root@host ~]# ndctl destroy-namespace namespace0.0 -f
                destroyed 1 namespace
                """;
        NdctlReader.Result r = NdctlReader.read("session.txt", text, 1);
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.state().namespaces().size());
        assertEquals(3, r.state().namespaces().get(0).line());
        List<Badblock> injected = r.state().orphanBadblocks();
        assertEquals(1, injected.size());
        assertEquals(new Badblock("session.txt", 13, "namespace0.0", Badblock.Scope.INJECTED, 0x2012, 2, List.of(),
                "{\"block\":\"0x2012\",\"count\":\"0x2\"}"), injected.get(0));
    }

    @Test
    void truncatedDocumentKeepsCompleteObjectsAndReportsTheBreak() {
        String text = """
                # ndctl list -RNM
                {
                  "regions":[
                    {
                      "dev":"region0",
                      "size":1073741824,
                      "badblocks":[
                        {"offset":100,"length":8,"dimms":["nmem0"]},
                        {"offset":200,"length":1}
                      ],
                      "namespaces":[
                        {
                          "dev":"namespace0.0",
                          "mode":"raw",
                          "size":1073741824,
                          "blockdev":"pmem0"
                        },
                        {
                          "dev":"namespace0.1",
                          "mode":"fsd""";
        NdctlReader.Result r = NdctlReader.read("cut.json", text, 1);
        DeviceState s = r.state();
        assertEquals(List.of("namespace0.0"), s.namespaces().stream().map(Namespace::dev).toList());
        assertEquals("region0", s.namespaces().get(0).region(), "the incomplete region still names its namespaces");
        assertEquals(List.of(), s.regions(), "region0 is incomplete");
        assertEquals(List.of(100L, 200L), s.orphanBadblocks().stream().map(Badblock::offset).toList());
        assertEquals("region0", s.orphanBadblocks().get(0).device());
        assertEquals(1, r.problems().size());
        assertEquals("cut.json:20: JSON document cut off at line 20 (end of input); not read (incomplete):"
                + " object (line 2), region0 (line 4), namespace0.1 (line 18)", r.problems().get(0).toString());
    }

    @Test
    void brokenDocumentFollowedByAnotherOne() {
        String text = """
                [
                  {
                    "dev":"namespace0.0",
                    "mode":"fsdax",
                    "size":100
                  },
                  {
                    "dev":"namespace0.1",
                # ndctl list -D
                [
                  {
                    "dev":"nmem0",
                    "id":"abc"
                  }
                ]
                """;
        NdctlReader.Result r = NdctlReader.read("two.txt", text, 1);
        assertEquals(List.of("namespace0.0"), r.state().namespaces().stream().map(Namespace::dev).toList());
        assertEquals(List.of("nmem0"), r.state().dimms().stream().map(Dimm::dev).toList());
        assertEquals(11, r.state().dimms().get(0).line());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).toString().startsWith("two.txt:9: JSON document broken at line 9: "),
                r.problems().get(0).toString());
        assertTrue(r.problems().get(0).message().endsWith("namespace0.1 (line 7)"), r.problems().get(0).message());
    }

    @Test
    void thousandsOfOpeningBracketsBreakEvery64LevelsInsteadOfOnEveryLine() {
        // 5,000 lines of '[' (a 10 KB file) once made 4,000 broken documents, each salvaged 1,000 levels
        // deep from the next line on: quadratic work and an out-of-memory error with -Xmx256m.
        NdctlReader.Result r = NdctlReader.read("brackets.txt", "[\n".repeat(5000), 1);
        assertEquals(5000 / 64 + 1, r.problems().size(), () -> r.problems().subList(r.problems().size() - 3, r.problems().size()).toString());
        assertEquals(new Problem("brackets.txt", 65, "JSON document broken at line 65: nested deeper than 64 levels"),
                r.problems().get(0));
        assertEquals(129, r.problems().get(1).line(), "the next document starts where the last one broke");
        assertTrue(r.problems().get(r.problems().size() - 1).message().contains("cut off at line 5000 (end of input)"),
                r.problems().get(r.problems().size() - 1).message());
    }

    @Test
    void dimmHealthBecomesAnEvent() {
        String text = """
                [
                  {
                    "dev":"nmem1",
                    "id":"8089-a2-1837-00000bb9",
                    "handle":4097,
                    "phys_id":30,
                    "security":"disabled",
                    "flag_smart_event":true,
                    "health":{
                      "health_state":"non-critical",
                      "temperature_celsius":31.0,
                      "controller_temperature_celsius":36.5625,
                      "spares_percentage":92,
                      "alarm_temperature":false,
                      "alarm_controller_temperature":false,
                      "alarm_spares":true,
                      "alarm_enabled_media_temperature":true,
                      "temperature_threshold":82.0,
                      "alarm_enabled_spares":true,
                      "spares_threshold":50,
                      "life_used_percentage":3,
                      "shutdown_state":"dirty",
                      "shutdown_count":7
                    }
                  }
                ]
                """;
        NdctlReader.Result r = NdctlReader.read("health.json", text, 1);
        Dimm d = r.state().dimms().get(0);
        assertEquals(List.of("smart_event"), d.flags());
        Dimm.Health h = d.health();
        assertEquals("non-critical", h.state());
        assertEquals(new BigDecimal("31.0"), h.temperature());
        assertEquals(new BigDecimal("36.5625"), h.controllerTemperature());
        assertEquals(92, h.sparesPercentage());
        assertEquals(50, h.sparesThreshold());
        assertEquals(List.of("spares"), h.alarms());
        assertEquals(7L, h.shutdownCount());
        assertEquals("dirty", h.shutdownState());
        assertEquals(1, r.events().size());
        DimmHealth e = (DimmHealth) r.events().get(0);
        assertEquals("nmem1", e.dimm());
        assertEquals("non-critical", e.state());
        assertEquals(7L, e.uncleanShutdowns());
        assertEquals(92, e.spares());
        assertEquals(List.of("spares", "smart_event"), e.alarms());
        assertEquals(2, e.origin().line());
        assertEquals(25, e.origin().endLine());
        assertEquals("dimm-health", e.type());
        assertTrue(e.origin().text().startsWith("{\"dev\":\"nmem1\",\"id\":\"8089-a2-1837-00000bb9\",\"handle\":4097,"));
    }

    @Test
    void monitorLinesOneJsonPerLineAlsoAfterASyslogPrefix() {
        String line = "{\"timestamp\":\"1718900000.123456789\",\"pid\":2345,\"event\":{\"dimm-spares-remaining\":false,"
                + "\"dimm-media-temperature\":false,\"dimm-controller-temperature\":false,\"dimm-health-state\":true,"
                + "\"dimm-unclean-shutdown\":false},\"dimm\":{\"dev\":\"nmem1\",\"id\":\"8089-a2-1837-00000bb9\","
                + "\"handle\":4097,\"phys_id\":30,\"security\":\"disabled\",\"health\":{\"health_state\":\"non-critical\","
                + "\"temperature_celsius\":31.0,\"spares_percentage\":92,\"life_used_percentage\":3,"
                + "\"shutdown_state\":\"clean\",\"shutdown_count\":7}}}";
        String text = line + "\n" + line.replace("1718900000", "1718900060").replace("\"dimm-unclean-shutdown\":false",
                "\"dimm-unclean-shutdown\":true") + "\n"
                + "Jun 20 16:15:00 host ndctl[2345]: " + line.replace("1718900000", "1718900100") + "\n";
        NdctlReader.Result r = NdctlReader.read("monitor.log", text, 1);
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.state().monitorEvents().size());
        List<NdctlMonitor> events = r.events().stream().map(NdctlMonitor.class::cast).toList();
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.origin().line()).toList());
        NdctlMonitor first = events.get(0);
        assertEquals("nmem1", first.dimm());
        assertEquals(List.of("dimm-health-state"), first.events());
        assertEquals("non-critical", first.state());
        assertEquals(7L, first.uncleanShutdowns());
        assertEquals(2345, first.pid());
        assertEquals("2024-06-20T16:13:20.123456789Z", first.origin().wall());
        assertEquals(line, first.origin().text());
        assertEquals(List.of("dimm-health-state", "dimm-unclean-shutdown"), events.get(1).events());
        assertEquals("2024-06-20T16:15:00.123456789Z", events.get(2).origin().wall());
    }

    @Test
    void devdaxNamespaceWithDaxRegionAndDaxctlMappings() {
        String text = """
                # ndctl list -X -n namespace1.0
                [
                  {
                    "dev":"namespace1.0",
                    "mode":"devdax",
                    "map":"dev",
                    "size":266352984064,
                    "uuid":"0c4e0f8a-51a1-4f0b-8e61-0d35f1b1a3a9",
                    "daxregion":{
                      "id":1,
                      "size":266352984064,
                      "align":2097152,
                      "devices":[
                        { "chardev":"dax1.0", "size":266352984064, "target_node":3, "align":2097152, "mode":"devdax" }
                      ]
                    },
                    "align":2097152,
                    "badblocks":[{"offset":16,"length":8}]
                  }
                ]
                # daxctl list -M -d 1.0 -u
                {
                  "chardev":"dax1.0",
                  "size":"248.06 GiB (266.35 GB)",
                  "target_node":3,
                  "align":2097152,
                  "mode":"devdax",
                  "mappings":[
                    {
                      "page_offset":"0",
                      "start":"0x60fc200000",
                      "end":"0x9effffffff",
                      "size":"248.06 GiB (266.35 GB)"
                    }
                  ]
                }
                """;
        NdctlReader.Result r = NdctlReader.read("dax.txt", text, 1);
        DeviceState s = r.state();
        assertEquals(List.of(), r.problems());
        Namespace ns = s.namespace("namespace1.0").orElseThrow();
        assertEquals("devdax", ns.mode());
        assertEquals(1, ns.daxRegion().id());
        assertEquals(2097152L, ns.daxRegion().align());
        assertEquals(Badblock.Scope.DAX, ns.badblocks().get(0).scope());
        assertEquals(1, s.daxRegions().size());
        assertEquals(2, s.daxDevices().size());
        DaxDevice listed = s.daxDevices().get(0);
        assertEquals("namespace1.0", listed.namespace());
        assertEquals(14, listed.line());
        assertEquals(List.of(), listed.mappings());
        DaxDevice mapped = s.daxDevice("dax1.0").orElseThrow();
        assertEquals(22, mapped.line());
        assertEquals(1, mapped.regionId());
        assertEquals(new Mapping(new Hex(0), Hex.parse("0x60fc200000"), Hex.parse("0x9effffffff"), mapped.mappings()
                .get(0).size()), mapped.mappings().get(0));
        assertFalse(mapped.size().isExact());
        assertTrue(mapped.size().min() <= 266352984064L && 266352984064L <= mapped.size().max());
    }

    @Test
    void negativeIsetIdIsAnUnsigned64BitValue() {
        NdctlReader.Result r = NdctlReader.read("neg.json",
                "[{\"dev\":\"region2\",\"size\":1,\"iset_id\":-6382611090938810793,\"type\":\"pmem\"},\n"
                + " {\"dev\":\"region3\",\"size\":1,\"iset_id\":12064132982770740823,\"type\":\"pmem\"}]\n", 1);
        assertEquals("0xa76c6907811fae57", r.state().regions().get(0).isetId().toString());
        assertEquals(r.state().regions().get(0).isetId(), r.state().regions().get(1).isetId());
    }

    @Test
    void readInfoblockNamesItsNamespaceFromTheCommand() {
        String text = """
                # ndctl read-infoblock -j namespace0.0
                [
                  {
                    "signature":"NVDIMM_PFN_INFO",
                    "uuid":"6a1c3a32-9e3e-4b6f-a0a7-3c2f5f0b6d21",
                    "parent_uuid":"1d2b4c6e-0000-4000-8000-000000000000",
                    "flags":0,
                    "version":"1.3",
                    "dataoff":4229955584,
                    "npfns":65028416,
                    "mode":2,
                    "start_pad":0,
                    "end_trunc":0,
                    "align":2097152
                  }
                ]
                """;
        InfoBlock ib = NdctlReader.read("ib.txt", text, 1).state().infoBlocks().get(0);
        assertEquals("namespace0.0", ib.namespace());
        assertEquals(Hex.parse("0xfc200000"), ib.dataoff());
        assertEquals(new Hex(0), ib.startPad());
        assertEquals(3, ib.line());
    }

    @Test
    void emptyAndNonJsonTextGiveNothing() {
        NdctlReader.Result r = NdctlReader.read("x.txt", "# ndctl list\n[root@h ~]# echo hi\nhi\n", 1);
        assertTrue(r.state().isEmpty());
        assertEquals(List.of(), r.problems());
        assertTrue(NdctlReader.read("empty", "", 1).state().isEmpty());
    }

    @Test
    void looksLikeJson() {
        assertTrue(NdctlReader.looksLikeJson("["));
        assertTrue(NdctlReader.looksLikeJson("{"));
        assertTrue(NdctlReader.looksLikeJson("  {\"dev\":\"nmem0\"}"));
        assertTrue(NdctlReader.looksLikeJson("[{\"dev\":\"nmem0\"}]"));
        assertTrue(NdctlReader.looksLikeJson("Jun 20 16:15:00 host ndctl[1]: {\"timestamp\":\"1.2\"}"));
        assertFalse(NdctlReader.looksLikeJson("[root@host ~]# ndctl list"));
        assertFalse(NdctlReader.looksLikeJson("[ 2439.742296] mce: Uncorrected hardware memory error"));
        assertFalse(NdctlReader.looksLikeJson("{3}[Hardware Error]: event severity: recoverable"));
        assertFalse(NdctlReader.looksLikeJson("# ndctl list -RN"));
    }

    @Test
    void unknownObjectIsReported() {
        NdctlReader.Result r = NdctlReader.read("odd.json", "\n{\"foo\":1}\n", 1);
        assertEquals(List.of(new Problem("odd.json", 2, "not an ndctl/daxctl object: keys [foo]")), r.problems());
    }
}
