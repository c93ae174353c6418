package dev.daxray.families.nvdimm;

import org.antlr.v4.runtime.tree.RuleNode;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.events.Pmem;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.nvdimm.NvdimmBaseVisitor;
import dev.daxray.grammar.nvdimm.NvdimmParser;

/** Builds the {@link Pmem} event of one line: one visit per labelled alternative. */
final class NvdimmBuilder extends NvdimmBaseVisitor<Event> {

    private final Origin origin;
    private String driver;
    private String device;

    NvdimmBuilder(Origin origin) {
        this.origin = origin;
    }

    @Override
    public Event visitDriverLine(NvdimmParser.DriverLineContext ctx) {
        driver = ctx.DRIVER().getText();
        device = ctx.device().getText();
        return visit(ctx.message());
    }

    @Override
    public Event visitDriverOnlyLine(NvdimmParser.DriverOnlyLineContext ctx) {
        driver = ctx.DRIVER().getText();
        return visit(ctx.message());
    }

    @Override
    public Event visitDiskLine(NvdimmParser.DiskLineContext ctx) {
        driver = ctx.disk.getType() == NvdimmParser.NMEM ? "nvdimm" : "pmem";
        device = ctx.disk.getText();
        return visit(ctx.message());
    }

    @Override
    public Event visitBlockError(NvdimmParser.BlockErrorContext ctx) {
        return new Pmem(origin, "block", ctx.disk.getText(), Trees.source(ctx.getStart(), ctx.getStop()), null, null);
    }

    @Override
    public Event visitBufferError(NvdimmParser.BufferErrorContext ctx) {
        return new Pmem(origin, "block", ctx.disk.getText(), Trees.source(ctx.getStart(), ctx.getStop()), null, null);
    }

    @Override
    public Event visitRangeMessage(NvdimmParser.RangeMessageContext ctx) {
        return new Pmem(origin, driver, device, Trees.source(ctx), Hex.parse(ctx.start.getText()),
                Hex.parse(ctx.size.getText()));
    }

    @Override
    public Event visitResourceMessage(NvdimmParser.ResourceMessageContext ctx) {
        String[] bounds = ctx.range.getText().split("-");
        Hex start = Hex.parse(bounds[0]);
        return new Pmem(origin, driver, device, Trees.source(ctx), start,
                new Hex(Hex.parse(bounds[1]).value() - start.value() + 1));
    }

    @Override
    public Event visitPlainMessage(NvdimmParser.PlainMessageContext ctx) {
        return new Pmem(origin, driver, device, Trees.source(ctx), null, null);
    }

    @Override
    public Event visitChildren(RuleNode node) {
        throw new IllegalStateException("unhandled nvdimm line: " + node.getClass().getSimpleName());
    }
}
