package dev.daxray.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daxray.capture.CaptureInput;
import dev.daxray.matches.EventFields;
import dev.daxray.output.EventJsonWriter;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * Every event with a physical address names its 4 KiB page as {@code pfn} (issue 13, item 3), derived in the
 * model ({@link PageAddress}, {@link Pages}) so every path that builds the event gets it, and written in
 * JSONL right after the address.
 */
class PageAddressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = "             app-4321    [003] d..1. 81234.567530: ";

    private static List<Event> read(String... lines) {
        byte[] capture = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return Timeline.read(List.of(new CaptureInput("capture.log", () -> new ByteArrayInputStream(capture))),
                ScanOptions.defaults()).events();
    }

    private static Event only(Class<? extends Event> type, List<Event> events) {
        List<Event> of = events.stream().filter(type::isInstance).toList();
        assertEquals(1, of.size(), () -> "one " + type.getSimpleName() + " in " + events);
        return of.get(0);
    }

    private static JsonNode json(Event event) throws IOException {
        StringWriter out = new StringWriter();
        try (EventJsonWriter writer = new EventJsonWriter(out)) {
            writer.write(event);
        }
        return JSON.readTree(out.toString());
    }

    /** The JSONL field names in order, to check {@code pfn} follows the address it comes from. */
    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aMachineCheckWithAnAddressNamesItsPage() throws IOException {
        Event mce = only(Mce.class, read(
                "[ 4821.123460] mce: [Hardware Error]: CPU 12: Machine Check: 0 Bank 7: bc00008000010090",
                "[ 4821.123461] mce: [Hardware Error]: TSC 0 ADDR 207b9e1040 MISC 9a00000086 ",
                "[ 4821.123462] mce: [Hardware Error]: PROCESSOR 0:50657 TIME 1795255200 SOCKET 0 APIC 18 microcode 5003604"));
        assertEquals(new Hex(0x207b9e1L), EventFields.hex(mce, "pfn"));
        JsonNode node = json(mce);
        assertEquals("0x207b9e1", node.get("pfn").asText());
        List<String> names = names(node);
        assertEquals(names.indexOf("physAddr") + 1, names.indexOf("pfn"), "pfn right after physAddr: " + names);
    }

    @Test
    void aMachineCheckWithoutAnAddressHasNoPage() throws IOException {
        Event mce = only(Mce.class, read("[  100.000000] mce: [Hardware Error]: Machine check events logged"));
        assertNull(EventFields.hex(mce, "pfn"));
        assertTrue(json(mce).get("pfn") == null, "no pfn field without an address (null fields are left out)");
    }

    @Test
    void aFirmwareMemoryRecordNamesItsPage() {
        Event ghes = only(Ghes.class, read(
                "[ 2335.753234] {2}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 2",
                "[ 2335.774828] {2}[Hardware Error]: event severity: recoverable",
                "[ 2335.782761] {2}[Hardware Error]:  Error 0, type: recoverable",
                "[ 2335.790671] {2}[Hardware Error]:   section_type: memory error",
                "[ 2335.808444] {2}[Hardware Error]:   physical_address: 0x00000008cb743020",
                "[ 2335.817552] {2}[Hardware Error]:   physical_address_mask: 0xffffffffffffff00"));
        assertEquals(new Hex(0x8cb743L), EventFields.hex(ghes, "pfn"));
    }

    @Test
    void anExtlogRecordNamesItsPage() {
        Event ghes = only(Ghes.class, read(TRACE + "extlog_mem_event: {2} recoverable error: multi-bit ECC physical addr: "
                + "000000219c200000 (mask lsb: 6) node:0 card:1 module:0 rank:1 FRU: 8b2b9e34-4c7a-4d9e-9a3b-0f1e2d3c4b5a DIMM_B1"));
        assertEquals("extlog", ((Ghes) ghes).source());
        assertEquals(new Hex(0x219c200L), EventFields.hex(ghes, "pfn"));
    }

    @Test
    void edacNamesThePageOfTheAddressItDecoded() {
        Edac system = (Edac) only(Edac.class, read("[29077.877682] EDAC MC0: 1 UE memory read error on CPU_SrcID#0_MC#0_Chan#0_DIMM#1 "
                + "(channel:0 slot:1 page:0x40a0602 offset:0x400 grain:32 -  err_code:0x0000:0x009f  SystemAddress:0x40a0703400 "
                + "ProcessorSocketId:0x0 MemoryControllerId:0x0)"));
        assertEquals(new Hex(0x40a0703L), system.pfn(), "the decoded SystemAddress wins over page:");
        Edac page = (Edac) only(Edac.class, read("[  313.747669] EDAC MC0: 1 CE memory read error on DIMM_A1 "
                + "(channel:0 slot:0 page:0x1a2b3 offset:0x440 grain:8 syndrome:0x0)"));
        assertEquals(new Hex(0x1a2b3L), page.pfn());
        Edac undecoded = (Edac) only(Edac.class, read("[51295.733471] EDAC MC0: 1 UE Cannot decode normalized address on "
                + "mc#0csrow#0channel#2 (csrow:0 channel:2 page:0x0 offset:0x0 grain:64)"));
        assertNull(undecoded.pfn(), "page 0 offset 0 is the driver's 'could not decode', not page 0");
    }

    @Test
    void aCxlPoisonRecordNamesThePageOfItsHostAddress() {
        Event mapped = only(CxlPoison.class, read(TRACE + "cxl_poison: memdev=mem0 host=0000:35:00.0 serial=0 trace_type=List "
                + "region=region0 region_uuid=2f6c1bd5-5a9d-4b8c-9d33-0f3f9f3c1a11 hpa=0xf040000000 dpa=0x40000000 "
                + "dpa_length=0x40 source=Injected flags= overflow_time=0"));
        assertEquals(new Hex(0xf040000L), EventFields.hex(mapped, "pfn"));
        Event unmapped = only(CxlPoison.class, read(TRACE + "cxl_poison: memdev=mem0 host=0000:35:00.0 serial=0 trace_type=List "
                + "region= region_uuid=00000000-0000-0000-0000-000000000000 hpa=0xffffffffffffffff dpa=0x70000000 "
                + "dpa_length=0x40 source=Internal flags= overflow_time=0"));
        assertNull(EventFields.hex(unmapped, "pfn"), "an unmapped DPA has no host page");
    }

    @Test
    void aKernelBuiltFor64KiBPagesSaysSoInItsRelease() {
        Event ghes = only(Ghes.class, read(
                "[    0.000000] Linux version 6.1.55-64k (builder@kbuild-arm01) (gcc (GCC) 12.3.0) #1 SMP PREEMPT",
                "[ 2335.753234] {1}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 2",
                "[ 2335.774828] {1}[Hardware Error]: event severity: recoverable",
                "[ 2335.790671] {1}[Hardware Error]:   section_type: memory error",
                "[ 2335.808444] {1}[Hardware Error]:   physical_address: 0x000000202c7e1340"));
        assertEquals(new Hex(0x202c7eL), EventFields.hex(ghes, "pfn"), "memory_failure() prints 0x202c7e on this kernel");
        Edac edac = (Edac) only(Edac.class, read(
                "[    0.000000] Linux version 5.14.0-427.13.1.el9_4.aarch64+64k (mockbuild@example) #1 SMP PREEMPT_DYNAMIC",
                "[ 1419.919580] EDAC MC0: 1 UE Multi-bit ECC on unknown memory (node:0 card:1 module:71 bank:7 row:0 col:0 "
                        + "page:0x202c7e offset:0x1340 grain:1)"));
        assertEquals(new Hex(0x202c7e1340L), edac.physAddr(), "EDAC's page is the kernel's page");
        assertEquals(new Hex(0x202c7eL), edac.pfn());
    }

    @Test
    void releasesNameTheirPageSize() {
        assertEquals(12, Pages.shift(null));
        assertEquals(12, Pages.shift("6.8.0-45-generic"));
        assertEquals(12, Pages.shift("6.1.0-64kbench"), "a word that only starts with 64k says nothing");
        assertEquals(16, Pages.shift("6.1.55-64k"));
        assertEquals(16, Pages.shift("5.14.0-427.13.1.el9_4.aarch64+64k"));
        assertEquals(16, Pages.shift("6.8.0-1010-nvidia-64k"));
        assertEquals(14, Pages.shift("6.6.0-16k"));
    }

    @Test
    void theSchemaListsPfnForEveryTypeWithAnAddress() {
        for (String type : List.of("mce", "ghes", "edac", "cxl-poison")) {
            assertTrue(EventSchema.get().type(type).orElseThrow().field("pfn").isPresent(), type);
        }
    }
}
