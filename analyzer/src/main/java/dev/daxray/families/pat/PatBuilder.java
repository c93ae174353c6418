package dev.daxray.families.pat;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.RuleNode;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.events.PatConflict;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.pat.PatBaseVisitor;
import dev.daxray.grammar.pat.PatParser;

/**
 * Builds the {@link PatConflict} of one line: one visit per labelled alternative. The end of the
 * range is exclusive, as {@code conflicting memory types} prints it; an inclusive
 * {@code [mem start-end]} resource gets one added.
 */
final class PatBuilder extends PatBaseVisitor<Event> {

    private final Origin origin;

    PatBuilder(Origin origin) {
        this.origin = origin;
    }

    @Override
    public Event visitConflict(PatParser.ConflictContext ctx) {
        return new PatConflict(origin, Trees.source(ctx.comm), Integer.valueOf(ctx.pid.getText()),
                bound(ctx.range, 0, 0), bound(ctx.range, 1, 0), message(ctx.PAT().getSymbol(), ctx.getStop()));
    }

    @Override
    public Event visitTaskResource(PatParser.TaskResourceContext ctx) {
        return new PatConflict(origin, Trees.source(ctx.comm), Integer.valueOf(ctx.pid.getText()),
                bound(ctx.range, 0, 0), bound(ctx.range, 1, 1), message(ctx.PAT().getSymbol(), ctx.getStop()));
    }

    @Override
    public Event visitReserveFailed(PatParser.ReserveFailedContext ctx) {
        return new PatConflict(origin, null, null, bound(ctx.range, 0, 0), bound(ctx.range, 1, 1),
                message(ctx.PAT().getSymbol(), ctx.getStop()));
    }

    @Override
    public Event visitChildren(RuleNode node) {
        throw new IllegalStateException("unhandled x86/PAT line: " + node.getClass().getSimpleName());
    }

    private static Hex bound(Token range, int index, long plus) {
        return new Hex(Hex.parse(range.getText().split("-")[index]).value() + plus);
    }

    /** The text after {@code x86/PAT: }. */
    private static String message(Token pat, Token stop) {
        return Trees.source(pat, stop).substring(pat.getText().length()).trim();
    }
}
