package dev.daxray.families.nvdimm;

import java.util.List;

import dev.daxray.families.LineFamily;
import dev.daxray.families.OutOfRange;
import dev.daxray.grammar.ParseDriver;
import dev.daxray.grammar.nvdimm.NvdimmLexer;
import dev.daxray.grammar.nvdimm.NvdimmParser;

/**
 * NVDIMM, pmem, device-dax and CXL driver lines (reference §4) as {@link dev.daxray.events.Pmem}
 * events, including block-layer I/O errors on pmem disks.
 */
public final class NvdimmFamily extends LineFamily {

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
        ParseDriver<NvdimmParser> driver = new ParseDriver<>(NvdimmLexer::new, NvdimmParser::new);
        return record -> driver.tryParse(record.body(), NvdimmParser::line)
                .flatMap(tree -> OutOfRange.orEmpty(() -> new NvdimmBuilder(record.origin()).visit(tree)));
    }
}
