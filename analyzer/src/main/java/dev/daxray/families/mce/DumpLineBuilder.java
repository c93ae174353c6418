package dev.daxray.families.mce;

import dev.daxray.events.Hex;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.mce.MceBaseVisitor;
import dev.daxray.grammar.mce.MceParser;

/** Reads one parsed dump line: one {@code visit} per labelled alternative of {@code dumpLine}. */
final class DumpLineBuilder extends MceBaseVisitor<DumpLine> {

    @Override
    public DumpLine visitDumpHeader(MceParser.DumpHeaderContext ctx) {
        return new DumpLine.Header(Integer.parseInt(ctx.cpu.getText()), Integer.parseInt(ctx.bank.getText()),
                Hex.parse(ctx.status.getText()), Trees.source(ctx.MACHINE_CHECK().getSymbol(),
                        ctx.kind != null ? ctx.kind : ctx.MACHINE_CHECK().getSymbol()));
    }

    @Override
    public DumpLine visitDumpFields(MceParser.DumpFieldsContext ctx) {
        return new DumpLine.Fields(ctx.field().stream()
                .filter(field -> field.name.getType() == MceParser.ADDR)
                .map(field -> Hex.parse(field.value.getText()))
                .reduce((first, second) -> second)
                .orElse(null));
    }

    @Override
    public DumpLine visitDumpRip(MceParser.DumpRipContext ctx) {
        return new DumpLine.Other();
    }

    @Override
    public DumpLine visitDumpProcessor(MceParser.DumpProcessorContext ctx) {
        return new DumpLine.Other();
    }

    @Override
    public DumpLine visitDumpEnd(MceParser.DumpEndContext ctx) {
        return new DumpLine.End();
    }

    /** The decoder's status sentence; a deferred error is an uncorrected one not yet consumed. */
    @Override
    public DumpLine visitAmdHeader(MceParser.AmdHeaderContext ctx) {
        String severity = switch (ctx.amd.getType()) {
            case MceParser.AMD_CORRECTED -> "corrected";
            case MceParser.AMD_DEFERRED -> "uncorrected";
            default -> ctx.amd.getText().contains("software") ? "recoverable" : "uncorrected";
        };
        return new DumpLine.AmdHeader(Trees.source(ctx.amd, ctx.stop).strip(), severity);
    }

    @Override
    public DumpLine visitAmdStatus(MceParser.AmdStatusContext ctx) {
        String bank = ctx.bank.getText();
        return new DumpLine.AmdStatus(Integer.parseInt(ctx.cpu.getText()),
                Integer.parseInt(bank.substring(2, bank.indexOf('_'))), Hex.parse(ctx.status.getText()));
    }

    @Override
    public DumpLine visitAmdAddress(MceParser.AmdAddressContext ctx) {
        return new DumpLine.Fields(Hex.parse(ctx.addr.getText()));
    }

    @Override
    public DumpLine visitAmdDetail(MceParser.AmdDetailContext ctx) {
        return new DumpLine.Other();
    }

    @Override
    protected DumpLine defaultResult() {
        throw new IllegalStateException("no MCE dump-line builder for this parse tree");
    }
}
