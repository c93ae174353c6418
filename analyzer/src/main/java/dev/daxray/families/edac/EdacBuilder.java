package dev.daxray.families.edac;

import org.antlr.v4.runtime.Token;

import dev.daxray.events.Edac;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.edac.EdacBaseVisitor;
import dev.daxray.grammar.edac.EdacParser;

/** Turns one parsed EDAC error line into its event: one {@code visit} per labelled alternative. */
final class EdacBuilder extends EdacBaseVisitor<Edac> {

    private final Origin origin;

    EdacBuilder(Origin origin) {
        this.origin = origin;
    }

    @Override
    public Edac visitCountedError(EdacParser.CountedErrorContext ctx) {
        return edac(mc(ctx.mc), ctx.kind, Integer.valueOf(ctx.count.getText()), ctx.report());
    }

    @Override
    public Edac visitPanicOnUe(EdacParser.PanicOnUeContext ctx) {
        return edac(mc(ctx.mc), ctx.kind, null, ctx.report());
    }

    @Override
    protected Edac defaultResult() {
        throw new IllegalStateException("no EDAC builder for this parse tree");
    }

    private Edac edac(Integer mc, Token kind, Integer count, EdacParser.ReportContext report) {
        Hex pfn = Hex.parse(report.pfn.getText());
        Hex offset = Hex.parse(report.offset.getText());
        EdacParser.DetailContext detail = report.detail();
        Token systemAddress = detail == null ? null : detail.systemAddress;
        return new Edac(origin, mc, kind.getType() == EdacParser.CE ? "corrected" : "uncorrected", count,
                orNull(Trees.source(report.message)), Trees.source(report.label), pfn, offset,
                Integer.valueOf(report.grain.getText()),
                systemAddress != null ? Hex.parse(systemAddress.getText()) : Edac.address(pfn, offset, origin.kernel()),
                detail == null ? null : orNull(Trees.source(detail)), orNull(Trees.source(report.location)));
    }

    /** {@code MC1:} → 1. */
    private static Integer mc(Token mc) {
        return mc == null ? null : Integer.valueOf(mc.getText().substring(2, mc.getText().length() - 1));
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
