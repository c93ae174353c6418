package dev.daxray.families.mce;

import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.events.Origin;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.mce.MceBaseVisitor;
import dev.daxray.grammar.mce.MceParser;

/** Turns one parsed one-line MCE message into its event: one {@code visit} per labelled alternative. */
final class MceMessageBuilder extends MceBaseVisitor<Mce> {

    private final Origin origin;

    MceMessageBuilder(Origin origin) {
        this.origin = origin;
    }

    @Override
    public Mce visitUserAccess(MceParser.UserAccessContext ctx) {
        return new Mce(origin, "recoverable", hex(ctx.address), null, null, null,
                "Uncorrected hardware memory error in user-access");
    }

    @Override
    public Mce visitNotRecovered(MceParser.NotRecoveredContext ctx) {
        return new Mce(origin, "uncorrected", null, null, null, null, ctx.NOT_RECOVERED().getText());
    }

    @Override
    public Mce visitKernelPoison(MceParser.KernelPoisonContext ctx) {
        return new Mce(origin, "recoverable", hex(ctx.address), null, null, null,
                "Kernel accessed poison in user space");
    }

    @Override
    public Mce visitEventsLogged(MceParser.EventsLoggedContext ctx) {
        return new Mce(origin, null, null, null, null, null, ctx.EVENTS_LOGGED().getText());
    }

    @Override
    public Mce visitSeverityText(MceParser.SeverityTextContext ctx) {
        return new Mce(origin, "fatal", null, null, null, null, Trees.source(ctx.severity, ctx.text().stop));
    }

    @Override
    public Mce visitFakePanic(MceParser.FakePanicContext ctx) {
        return new Mce(origin, "fatal", null, null, null, null, Trees.source(ctx.severity, ctx.text().stop));
    }

    @Override
    public Mce visitIgnoredPage(MceParser.IgnoredPageContext ctx) {
        // x86 only, so the page is 4 KiB.
        return new Mce(origin, "uncorrected", new Hex(Hex.parse(ctx.pfn.getText()).value() << 12), null, null, null,
                "Uncorrected memory error in page ignored");
    }

    @Override
    public Mce visitCmciStorm(MceParser.CmciStormContext ctx) {
        return new Mce(origin, "corrected", null, null, null, null, Trees.source(ctx.stormText()));
    }

    @Override
    public Mce visitBankCmciStorm(MceParser.BankCmciStormContext ctx) {
        return new Mce(origin, "corrected", null, Integer.parseInt(ctx.cpu.getText().substring("CPU".length())),
                Integer.parseInt(ctx.bank.getText().substring("BANK".length())), null,
                Trees.source(ctx.stormText()));
    }

    @Override
    public Mce visitNotResponding(MceParser.NotRespondingContext ctx) {
        return new Mce(origin, null, null, null, null, null, Trees.source(ctx.respondingText()));
    }

    @Override
    protected Mce defaultResult() {
        throw new IllegalStateException("no MCE message builder for this parse tree");
    }

    private static Hex hex(MceParser.HexContext ctx) {
        return Hex.parse(ctx.getText());
    }
}
