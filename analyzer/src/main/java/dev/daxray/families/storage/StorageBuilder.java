package dev.daxray.families.storage;

import org.antlr.v4.runtime.tree.RuleNode;

import dev.daxray.events.Event;
import dev.daxray.events.IoError;
import dev.daxray.events.Origin;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.storage.StorageBaseVisitor;
import dev.daxray.grammar.storage.StorageParser;

/** Builds the {@link IoError} of one line: one visit per labelled alternative. */
final class StorageBuilder extends StorageBaseVisitor<Event> {

    private final Origin origin;

    StorageBuilder(Origin origin) {
        this.origin = origin;
    }

    /** The message starts at the error's kind, after a {@code blk_update_request:} style prefix. */
    @Override
    public Event visitBlockError(StorageParser.BlockErrorContext ctx) {
        return new IoError(origin, ctx.dev.getText(), Trees.source(ctx.kind.getStart() != null
                ? ctx.kind.getStart() : ctx.ERROR_DEV().getSymbol(), ctx.getStop()));
    }

    @Override
    public Event visitBufferError(StorageParser.BufferErrorContext ctx) {
        return new IoError(origin, ctx.dev.getText(), Trees.source(ctx.getStart(), ctx.getStop()));
    }

    @Override
    public Event visitControllerError(StorageParser.ControllerErrorContext ctx) {
        return new IoError(origin, ctx.ctrl.getText(), Trees.source(ctx.text));
    }

    @Override
    public Event visitCommandError(StorageParser.CommandErrorContext ctx) {
        return new IoError(origin, ctx.dev.getText(), Trees.source(ctx.COLON().getSymbol(), ctx.getStop())
                .substring(1).trim());
    }

    @Override
    public Event visitChildren(RuleNode node) {
        throw new IllegalStateException("unhandled storage line: " + node.getClass().getSimpleName());
    }
}
