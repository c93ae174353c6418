package dev.daxray.families.fs;

import java.util.regex.Pattern;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.RuleNode;

import dev.daxray.events.DeviceRemove;
import dev.daxray.events.Event;
import dev.daxray.events.FsError;
import dev.daxray.events.FsMount;
import dev.daxray.events.FsNotifyFailure;
import dev.daxray.events.FsShutdown;
import dev.daxray.events.FsUnmount;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.fs.FsBaseVisitor;
import dev.daxray.grammar.fs.FsParser;

/** Builds the event of one filesystem line: one visit per labelled alternative of its message. */
final class FsBuilder extends FsBaseVisitor<Event> {

    /** A symbol's {@code +0x151/0x1f0}. */
    private static final Pattern SYMBOL_OFFSET = Pattern.compile("\\+0x[0-9a-fA-F]+(/0x[0-9a-fA-F]+)?$");

    /** Which filesystem and device a line's prefix names. */
    private record Prefix(String fs, String device) {
    }

    private final Origin origin;
    private Prefix prefix = new Prefix(null, null);

    FsBuilder(Origin origin) {
        this.origin = origin;
    }

    @Override
    public Event visitFsLine(FsParser.FsLineContext ctx) {
        prefix = new PrefixBuilder().visit(ctx.prefix());
        return visit(ctx.message());
    }

    @Override
    public Event visitErrorLine(FsParser.ErrorLineContext ctx) {
        Prefix error = new PrefixBuilder().visit(ctx.errorPrefix());
        return new FsError(origin, error.fs(), error.device(), Trees.source(ctx.text()));
    }

    @Override
    public Event visitDeviceRemoved(FsParser.DeviceRemovedContext ctx) {
        return new DeviceRemove(origin, prefix.device(), prefix.fs(), Trees.source(ctx));
    }

    @Override
    public Event visitFlaggedShutdown(FsParser.FlaggedShutdownContext ctx) {
        return new FsShutdown(origin, prefix.fs(), prefix.device(), Trees.source(ctx.reason).trim(),
                Hex.parse(ctx.flags.getText()), ctx.function == null ? null : function(ctx.function), Trees.source(ctx));
    }

    @Override
    public Event visitLogShutdown(FsParser.LogShutdownContext ctx) {
        return new FsShutdown(origin, prefix.fs(), prefix.device(), "log error", Hex.parse(ctx.flags.getText()), null,
                Trees.source(ctx));
    }

    @Override
    public Event visitUserShutdown(FsParser.UserShutdownContext ctx) {
        return new FsShutdown(origin, prefix.fs(), prefix.device(), "User initiated shutdown", null, null,
                Trees.source(ctx));
    }

    @Override
    public Event visitPlainShutdown(FsParser.PlainShutdownContext ctx) {
        return new FsShutdown(origin, prefix.fs(), prefix.device(), Trees.source(ctx.reason).replaceFirst("\\.$", ""),
                null, null, Trees.source(ctx));
    }

    @Override
    public Event visitRequestedShutdown(FsParser.RequestedShutdownContext ctx) {
        return new FsShutdown(origin, prefix.fs(), prefix.device(), "shut down requested",
                new Hex(Long.parseLong(ctx.flags.getText())), null, Trees.source(ctx));
    }

    @Override
    public Event visitForceShutdownCall(FsParser.ForceShutdownCallContext ctx) {
        return error(ctx);
    }

    @Override
    public Event visitUserShutdownNote(FsParser.UserShutdownNoteContext ctx) {
        return error(ctx);
    }

    @Override
    public Event visitPleaseUnmount(FsParser.PleaseUnmountContext ctx) {
        return error(ctx);
    }

    @Override
    public Event visitNotifyState(FsParser.NotifyStateContext ctx) {
        return new FsNotifyFailure(origin, prefix.fs(), prefix.device(), Trees.source(ctx));
    }

    @Override
    public Event visitNamesNotifyFailure(FsParser.NamesNotifyFailureContext ctx) {
        return new FsNotifyFailure(origin, prefix.fs(), prefix.device(), Trees.source(ctx));
    }

    @Override
    public Event visitDaxEnabled(FsParser.DaxEnabledContext ctx) {
        return mount(ctx, "enabled", null);
    }

    @Override
    public Event visitDaxUnsupported(FsParser.DaxUnsupportedContext ctx) {
        return mount(ctx, "unsupported", null);
    }

    @Override
    public Event visitMounting(FsParser.MountingContext ctx) {
        return mount(ctx, null, ctx.uuid);
    }

    @Override
    public Event visitMountProgress(FsParser.MountProgressContext ctx) {
        return mount(ctx, null, null);
    }

    @Override
    public Event visitMounted(FsParser.MountedContext ctx) {
        return mount(ctx, null, ctx.uuid);
    }

    @Override
    public Event visitRemounted(FsParser.RemountedContext ctx) {
        return mount(ctx, null, ctx.uuid);
    }

    @Override
    public Event visitUnmounting(FsParser.UnmountingContext ctx) {
        return new FsUnmount(origin, prefix.fs(), prefix.device(), Trees.text(ctx.uuid));
    }

    @Override
    public Event visitRemountReadOnly(FsParser.RemountReadOnlyContext ctx) {
        return error(ctx);
    }

    @Override
    public Event visitNamesError(FsParser.NamesErrorContext ctx) {
        return error(ctx);
    }

    @Override
    public Event visitChildren(RuleNode node) {
        throw new IllegalStateException("unhandled filesystem line: " + node.getClass().getSimpleName());
    }

    private FsError error(ParserRuleContext message) {
        return new FsError(origin, prefix.fs(), prefix.device(), Trees.source(message));
    }

    private FsMount mount(ParserRuleContext message, String dax, Token uuid) {
        return new FsMount(origin, prefix.fs(), prefix.device(), dax, Trees.text(uuid), Trees.source(message));
    }

    /** {@code xfs_trans_cancel+0x151/0x1f0} to {@code xfs_trans_cancel}. */
    private static String function(FsParser.SymbolContext symbol) {
        return SYMBOL_OFFSET.matcher(Trees.source(symbol)).replaceFirst("");
    }

    /** The filesystem and device of a prefix. */
    private static final class PrefixBuilder extends FsBaseVisitor<Prefix> {

        @Override
        public Prefix visitXfsPrefix(FsParser.XfsPrefixContext ctx) {
            return new Prefix("xfs", Trees.text(ctx.dev));
        }

        @Override
        public Prefix visitExtPrefix(FsParser.ExtPrefixContext ctx) {
            return new Prefix(ctx.fs.getType() == FsParser.EXT4 ? "ext4" : "ext2", ctx.dev.getText());
        }

        @Override
        public Prefix visitErofsDevicePrefix(FsParser.ErofsDevicePrefixContext ctx) {
            return new Prefix("erofs", ctx.dev.getText());
        }

        @Override
        public Prefix visitErofsPrefix(FsParser.ErofsPrefixContext ctx) {
            return new Prefix("erofs", null);
        }

        @Override
        public Prefix visitExt4ErrorPrefix(FsParser.Ext4ErrorPrefixContext ctx) {
            return new Prefix("ext4", ctx.dev.getText());
        }

        @Override
        public Prefix visitExt2ErrorPrefix(FsParser.Ext2ErrorPrefixContext ctx) {
            return new Prefix("ext2", ctx.dev.getText());
        }

        @Override
        public Prefix visitErofsErrorPrefix(FsParser.ErofsErrorPrefixContext ctx) {
            return new Prefix("erofs", ctx.dev.getText());
        }

        @Override
        public Prefix visitChildren(RuleNode node) {
            throw new IllegalStateException("unhandled filesystem prefix: " + node.getClass().getSimpleName());
        }
    }
}
