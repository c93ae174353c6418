package dev.daxray.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Badblock;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;

/**
 * Device-state documents inside ordinary inputs: ndctl JSON between shell prompts, sysfs dumps and
 * /proc/iomem become badblock events with physical addresses (reference §1.7's worked example),
 * and their lines are not unparsed.
 */
class DeviceInputsTest {

    private static final String SESSION = String.join("\n",
            "# ndctl list -R -N --media-errors",
            "[",
            "  {",
            "    \"dev\":\"region0\",",
            "    \"size\":270582939648,",
            "    \"type\":\"pmem\",",
            "    \"namespaces\":[",
            "      {",
            "        \"dev\":\"namespace0.0\",",
            "        \"mode\":\"fsdax\",",
            "        \"map\":\"dev\",",
            "        \"size\":266352984064,",
            "        \"blockdev\":\"pmem0\",",
            "        \"badblock_count\":8,",
            "        \"badblocks\":[ { \"offset\":1048576, \"length\":8, \"dimms\":[ \"nmem1\" ] } ]",
            "      }",
            "    ]",
            "  }",
            "]",
            "# cat /sys/bus/nd/devices/region0/resource",
            "0x2080000000",
            "# cat /sys/bus/nd/devices/namespace0.0/resource /sys/bus/nd/devices/namespace0.0/holder",
            "0x2080000000",
            "pfn0.1",
            "/sys/bus/nd/devices/pfn0.1/resource:0x217c200000",
            "");

    private static CaptureInput text(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new CaptureInput(name, () -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aTranscriptOfNdctlAndSysfsGivesBadblocksWithAddresses() {
        Timeline timeline = Timeline.read(List.of(text("session.txt", SESSION)), ScanOptions.defaults());
        List<Event> badblocks = timeline.events().stream().filter(e -> e instanceof Badblock).toList();
        assertEquals(1, badblocks.size(), timeline.events().toString());
        Badblock badblock = (Badblock) badblocks.get(0);
        assertEquals("namespace0.0", badblock.device());
        assertEquals(Hex.parse("0x219c200000"), badblock.physAddr());
        assertEquals(Hex.parse("0x219c200"), badblock.pfnStart());
        assertEquals(15, badblock.origin().line());
        InputSummary summary = timeline.inputs().get(0);
        assertEquals(0, summary.unparsed(), summary.unparsedSample().toString());
        assertEquals(1, summary.events());
        assertTrue(timeline.addresses().locatePfn(Hex.parse("0x219c200")).optional().isPresent());
    }

    @Test
    void aCutOffDocumentIsReportedAsUnparsedWithItsLine() {
        String cut = SESSION.substring(0, SESSION.indexOf("\"badblocks\""));
        Timeline timeline = Timeline.read(List.of(text("cut.txt", cut)), ScanOptions.defaults());
        InputSummary summary = timeline.inputs().get(0);
        assertEquals(1, summary.unparsed(), summary.toString());
        assertTrue(summary.unparsedSample().get(0).text().contains("not read (incomplete): region0 (line 3)"),
                summary.unparsedSample().toString());
    }
}
