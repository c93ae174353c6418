package dev.daxray.families.mce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.Mce;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * mce_amd.c decodes a UMC bank, calls amd64_edac's DRAM ECC decoder (which prints the EDAC line, and amd.c's
 * address translation its complaint), and only then prints the error code's {@code cache level:} line: the
 * order corpus 012, 013 and 020 show. The AMD block stays open across those lines, the EDAC family still
 * reads its line, and no line is left unparsed.
 */
class AmdDecoderInterleaveTest {

    private static Timeline read(String... lines) {
        byte[] capture = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return Timeline.read(List.of(new CaptureInput("dmesg.log", () -> new ByteArrayInputStream(capture))),
                ScanOptions.defaults());
    }

    @Test
    void theErrorCodeLineAfterTheEdacLineJoinsTheDecoderBlock() {
        Timeline t = read(
                "[51295.726640] [Hardware Error]: Deferred error, no action required.",
                "[51295.733448] [Hardware Error]: CPU:65 (19:11:1) MC21_STATUS[-|-|-|AddrV|-|-|SyndV|UECC|Deferred|-|Scrub]: 0x942031000400011b",
                "[51295.733452] [Hardware Error]: Error Addr: 0x0000000006350a00",
                "[51295.733453] [Hardware Error]: IPID: 0x0000109600250f00, Syndrome: 0x9a4a00000b800000",
                "[51295.733455] [Hardware Error]: Unified Memory Controller Ext. Error Code: 0, DRAM ECC error.",
                "[51295.733463] mce: umc_normaddr_to_sysaddr: Invalid DramBaseAddress range: 0x0.",
                "[51295.733471] EDAC MC0: 1 UE Cannot decode normalized address on mc#0csrow#0channel#2 (csrow:0 channel:2 page:0x0 offset:0x0 grain:64)",
                "[51295.733471] [Hardware Error]: cache level: L3/GEN, tx: GEN, mem-tx: RD",
                "[51296.000000] random: crng reseeded");
        List<Event> events = t.events();
        List<Mce> mces = events.stream().filter(Mce.class::isInstance).map(Mce.class::cast).toList();
        assertEquals(1, mces.size(), () -> "one MCE: " + events);
        assertEquals(1L, mces.get(0).origin().line());
        assertEquals(8L, mces.get(0).origin().endLine(), "the cache level line is the block's last");
        assertEquals(65, mces.get(0).cpu());
        assertEquals(1, events.stream().filter(Edac.class::isInstance).count(), "the EDAC family still reads its line");
        assertEquals(0L, t.inputs().get(0).unparsed(), () -> "unparsed: " + t.inputs().get(0));
    }

    @Test
    void anOlderKernelsTranslationComplaintHasNoPrefix() {
        Timeline t = read(
                "[  515.015188] [Hardware Error]: Deferred error, no action required.",
                "[  515.022006] [Hardware Error]: CPU:67 (19:11:1) MC21_STATUS[-|-|-|AddrV|-|-|SyndV|UECC|Deferred|-|Scrub]: 0x942031000400011b",
                "[  515.034440] [Hardware Error]: Error Addr: 0x0000000005dc2a00",
                "[  515.034445] [Hardware Error]: Unified Memory Controller Ext. Error Code: 0, DRAM ECC error.",
                "[  515.034453] umc_normaddr_to_sysaddr: Invalid DramBaseAddress range: 0x0.",
                "[  515.034458] EDAC MC1: 1 UE Cannot decode normalized address on mc#1csrow#0channel#6 (csrow:0 channel:6 page:0x0 offset:0x0 grain:64)",
                "[  515.034461] [Hardware Error]: cache level: L3/GEN, tx: GEN, mem-tx: RD");
        assertWholeBlock(t, 7L);
    }

    @Test
    void aCorrectedDramErrorOfCorpus020KeepsItsErrorCodeLine() {
        Timeline t = read(
                "[ 3213.514417] mce: [Hardware Error]: Machine check events logged",
                "[ 3213.514424] [Hardware Error]: Corrected error, no action required.",
                "[ 3213.514426] [Hardware Error]: CPU:0 (19:61:2) MC16_STATUS[Over|CE|MiscV|AddrV|-|-|SyndV|CECC|-|-|-]: 0xdc2040000000011b",
                "[ 3213.514433] [Hardware Error]: Error Addr: 0x00000003b3f5b940",
                "[ 3213.514434] [Hardware Error]: IPID: 0x0000009600050f00, Syndrome: 0x8d40000a0a800503",
                "[ 3213.514437] [Hardware Error]: Unified Memory Controller Ext. Error Code: 0, DRAM ECC error.",
                "[ 3213.514447] EDAC MC0: 1 CE on mc#0csrow#1channel#0 (csrow:1 channel:0 page:0x3b3f5b offset:0x940 grain:64 syndrome:0x503)",
                "[ 3213.514449] [Hardware Error]: cache level: L3/GEN, tx: GEN, mem-tx: RD");
        assertWholeBlock(t, 8L);
    }

    /** Nothing unparsed, and the decoder block (the MCE with a CPU) ends on the error code's line. */
    private static void assertWholeBlock(Timeline t, long lastLine) {
        assertEquals(0L, t.inputs().get(0).unparsed(), () -> "unparsed: " + t.inputs().get(0));
        Mce block = t.events().stream().filter(Mce.class::isInstance).map(Mce.class::cast)
                .filter(m -> m.cpu() != null).findFirst().orElseThrow();
        assertEquals(lastLine, block.origin().endLine());
    }

    @Test
    void anUnrelatedLineStillClosesTheBlock() {
        Timeline t = read(
                "[  100.000001] [Hardware Error]: Corrected error, no action required.",
                "[  100.000002] [Hardware Error]: CPU:0 (19:61:2) MC16_STATUS[Over|CE|MiscV|AddrV|-|-|SyndV|CECC|-|-|-]: 0xdc2040000000011b",
                "[  100.000003] EXT4-fs (sda1): mounted filesystem with ordered data mode",
                "[  100.000004] [Hardware Error]: cache level: L3/GEN, tx: GEN, mem-tx: RD");
        Mce block = t.events().stream().filter(Mce.class::isInstance).map(Mce.class::cast).findFirst().orElseThrow();
        assertEquals(2L, block.origin().endLine(), "only EDAC and amd.c lines interleave");
        assertEquals(1L, t.inputs().get(0).unparsed(), "the stray error-code line is counted, not dropped");
    }
}
