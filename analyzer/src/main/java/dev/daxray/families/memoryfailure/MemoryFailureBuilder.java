package dev.daxray.families.memoryfailure;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import dev.daxray.events.AlreadyPoisoned;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.MemoryFailureNote;
import dev.daxray.events.Origin;
import dev.daxray.events.PoisonInjected;
import dev.daxray.events.Sigbus;
import dev.daxray.events.SoftOffline;
import dev.daxray.events.Unpoison;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.memoryfailure.MemoryFailureBaseVisitor;
import dev.daxray.grammar.memoryfailure.MemoryFailureParser;

/** Turns one parsed memory-failure line into its event: one {@code visit} per labelled alternative. */
final class MemoryFailureBuilder extends MemoryFailureBaseVisitor<Event> {

    private final Origin origin;

    MemoryFailureBuilder(Origin origin) {
        this.origin = origin;
    }

    @Override
    public Event visitRecoveryAction(MemoryFailureParser.RecoveryActionContext ctx) {
        return new MemoryFailure(origin, hex(ctx.pfnPrefix().pfn), Trees.source(ctx.pageType), ctx.result.getText());
    }

    @Override
    public Event visitOldRecoveryAction(MemoryFailureParser.OldRecoveryActionContext ctx) {
        return new MemoryFailure(origin, hex(ctx.pfn), Trees.source(ctx.pageType), ctx.result.getText());
    }

    @Override
    public Event visitSendingSigbus(MemoryFailureParser.SendingSigbusContext ctx) {
        return sigbus(hex(ctx.sigbusPrefix().pfn), ctx.task(), "sigbus", null);
    }

    @Override
    public Event visitKilling(MemoryFailureParser.KillingContext ctx) {
        return sigbus(hex(ctx.pfnPrefix().pfn), ctx.task(), "kill", null);
    }

    @Override
    public Event visitKillingEarly(MemoryFailureParser.KillingEarlyContext ctx) {
        return sigbus(hex(ctx.pfnPrefix().pfn), ctx.task(), "kill-early", null);
    }

    @Override
    public Event visitForciblyKilling(MemoryFailureParser.ForciblyKillingContext ctx) {
        return sigbus(hex(ctx.pfnPrefix().pfn), ctx.task(), "force-kill", null);
    }

    @Override
    public Event visitAdvisoryFailed(MemoryFailureParser.AdvisoryFailedContext ctx) {
        return sigbus(hex(ctx.pfnPrefix().pfn), ctx.task(), "signal-failed", null);
    }

    @Override
    public Event visitErrorSendingSignal(MemoryFailureParser.ErrorSendingSignalContext ctx) {
        return sigbus(null, ctx.task(), "signal-failed", null);
    }

    @Override
    public Event visitFaultKill(MemoryFailureParser.FaultKillContext ctx) {
        return sigbus(null, ctx.task(), "fault-kill", hex(ctx.address));
    }

    @Override
    public Event visitAlreadyPoisoned(MemoryFailureParser.AlreadyPoisonedContext ctx) {
        return new AlreadyPoisoned(origin, hex(ctx.pfnPrefix().pfn));
    }

    @Override
    public Event visitMadviseInjection(MemoryFailureParser.MadviseInjectionContext ctx) {
        return new PoisonInjected(origin, hex(ctx.pfn), hex(ctx.address), "madvise");
    }

    @Override
    public Event visitHwpoisonInjection(MemoryFailureParser.HwpoisonInjectionContext ctx) {
        return new PoisonInjected(origin, hex(ctx.pfn), null, "hwpoison-inject");
    }

    @Override
    public Event visitMadviseSoftOffline(MemoryFailureParser.MadviseSoftOfflineContext ctx) {
        return new SoftOffline(origin, hex(ctx.pfn), "madvise soft offline");
    }

    @Override
    public Event visitCecSoftOffline(MemoryFailureParser.CecSoftOfflineContext ctx) {
        return new SoftOffline(origin, hex(ctx.pfn), "cec soft offline");
    }

    @Override
    public Event visitSoftOffline(MemoryFailureParser.SoftOfflineContext ctx) {
        return new SoftOffline(origin, hex(ctx.pfn), Trees.source(ctx.note));
    }

    @Override
    public Event visitSoftOfflineNotice(MemoryFailureParser.SoftOfflineNoticeContext ctx) {
        return new SoftOffline(origin, null, Trees.source(ctx.note));
    }

    @Override
    public Event visitUnpoison(MemoryFailureParser.UnpoisonContext ctx) {
        return new Unpoison(origin, hex(ctx.pfn), Trees.source(ctx.note));
    }

    @Override
    public Event visitUnpoisonPfnLast(MemoryFailureParser.UnpoisonPfnLastContext ctx) {
        return new Unpoison(origin, hex(ctx.pfn), Trees.source(ctx.note));
    }

    @Override
    public Event visitUnableToFind(MemoryFailureParser.UnableToFindContext ctx) {
        return new MemoryFailureNote(origin, hex(ctx.value),
                "Unable to find user space address in " + Trees.source(ctx.comm));
    }

    @Override
    public Event visitQueueOverflow(MemoryFailureParser.QueueOverflowContext ctx) {
        return new MemoryFailureNote(origin, hex(ctx.pfn), "buffer overflow when queuing memory failure");
    }

    @Override
    public Event visitPfnWarning(MemoryFailureParser.PfnWarningContext ctx) {
        return new MemoryFailureNote(origin, hex(ctx.pfn), Trees.source(ctx.note));
    }

    @Override
    public Event visitRecoveryDisabledPanic(MemoryFailureParser.RecoveryDisabledPanicContext ctx) {
        return new MemoryFailureNote(origin, hex(ctx.page), Trees.source(ctx.panicText()));
    }

    @Override
    public Event visitNote(MemoryFailureParser.NoteContext ctx) {
        return new MemoryFailureNote(origin, hex(ctx.pfnPrefix().pfn), Trees.source(ctx.note));
    }

    @Override
    public Event visitOutOfMemory(MemoryFailureParser.OutOfMemoryContext ctx) {
        return new MemoryFailureNote(origin, null, ctx.note.getText());
    }

    @Override
    public Event visitNoPfnNote(MemoryFailureParser.NoPfnNoteContext ctx) {
        return new MemoryFailureNote(origin, null, Trees.source(ctx.note));
    }

    @Override
    protected Event defaultResult() {
        throw new IllegalStateException("no memory-failure builder for this parse tree");
    }

    private Sigbus sigbus(Hex pfn, MemoryFailureParser.TaskContext task, String action, Hex address) {
        return new Sigbus(origin, pfn, Trees.source(task.comm), Integer.valueOf(task.pid.getText()), action, address);
    }

    private static Hex hex(Token token) {
        return token == null ? null : Hex.parse(token.getText());
    }

    private static Hex hex(ParserRuleContext ctx) {
        return ctx == null ? null : Hex.parse(ctx.getText());
    }
}
