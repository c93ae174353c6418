package dev.daxray.families.nvdimm;

import java.util.List;

import dev.daxray.families.Anchors;
import dev.daxray.families.LineFamily;
import dev.daxray.families.OutOfRange;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.nvdimm.NvdimmLexer;
import dev.daxray.grammar.nvdimm.NvdimmParser;
import dev.daxray.records.LogRecord;

/**
 * NVDIMM, pmem, device-dax and CXL driver lines (reference §4) as {@link dev.daxray.events.Pmem}
 * events, including block-layer I/O errors on pmem disks.
 */
public final class NvdimmFamily extends LineFamily {

    /**
     * Every line of {@code Nvdimm.g4} starts with a driver name, a pmem or nmem device, or
     * {@code Buffer I/O error on dev}, or holds a block-layer {@code error, dev}. The family's keywords
     * ({@code dax}, {@code pmem}) also turn up in host names, kernel command lines and user-space
     * messages ({@code mount -o dax /dev/pmem1 ...}): those never reach the parser.
     */
    static final Anchors ANCHORS = Anchors.of("error, dev").orLeading(leads());

    private static List<String> leads() {
        List<String> leads = new java.util.ArrayList<>(List.of("nd_", "nfit", "dax", "device_dax", "cxl", "nvdimm",
                "libnvdimm", "Buffer I/O error on dev"));
        for (int digit = 0; digit <= 9; digit++) {
            leads.add("pmem" + digit);
            leads.add("nmem" + digit);
        }
        return leads;
    }

    @Override
    public boolean mayRead(LogRecord record) {
        return ANCHORS.foundIn(record.body());
    }

    @Override
    public String name() {
        return "nvdimm";
    }

    @Override
    public List<String> keywords() {
        return List.of("nd_", "nfit", "pmem", "dax", "cxl", "nvdimm", "nmem");
    }

    @Override
    protected LineParser newParser() {
        ParseMemo<NvdimmParser, NvdimmParser.LineContext> lines
                = ParseMemo.of(NvdimmLexer::new, NvdimmParser::new, NvdimmParser::line);
        return record -> lines.tryParse(record.body())
                .flatMap(tree -> OutOfRange.orEmpty(() -> new NvdimmBuilder(record.origin()).visit(tree)));
    }
}
